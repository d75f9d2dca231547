import type { ReactNode } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import type { StaffTicket } from '../../../../mock-api/contract'
import { DueBadge } from '../common/due-badge'

function Fact({ label, children }: { label: string; children: ReactNode }) {
  if (children === null || children === undefined || children === '') return null
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  )
}

/** What the report says and where the ticket stands; the read that shows it is audited by the API. */
export function TicketFacts({ ticket }: { ticket: StaffTicket }) {
  const { t } = useTranslation()
  const hidden = t('staff.hidden')
  const { business, contact } = ticket
  return (
    <section className="gs-staff-card" aria-labelledby="staff-ticket-facts">
      <h2 id="staff-ticket-facts">{t('staff.facts')}</h2>
      <dl className="gs-staff-facts">
        <Fact label={t('staff.columns.status')}>{t(`staff.statuses.${ticket.status}`)}</Fact>
        <Fact label={t('staff.columns.due')}>
          <DueBadge due={ticket.due} />
        </Fact>
        <Fact label={t('staff.category')}>{t(`categories.${ticket.category}.label`)}</Fact>
        <Fact label={t('intake.channel')}>{t(`channels.${ticket.channel}`)}</Fact>
        <Fact label={t('intake.registeredBy')}>{ticket.registeredBy}</Fact>
        <Fact label={t('intake.handedDown')}>
          {ticket.handedDown
            ? `${ticket.handedDown.issuer} ${ticket.handedDown.documentNumber}`
            : null}
        </Fact>
        <Fact label={t('staff.description')}>{ticket.description}</Fact>
        <Fact label={t('staff.business')}>
          {ticket.identityHidden ? hidden : `${business.name ?? ''} ${business.creditCode ?? ''}`}
          {business.creditCodeUnverified ? ` · ${t('staff.creditCodeUnverified')}` : null}
          {ticket.businessVerified ? ` · ${t('intake.verified')}` : null}
        </Fact>
        <Fact label={t('staff.contact')}>
          {ticket.identityHidden ? hidden : `${contact.name ?? ''} ${contact.phone ?? ''}`}
        </Fact>
        <Fact label={t('staff.servicePoint')}>{ticket.servicePoint?.name}</Fact>
        <Fact label={t('staff.units')}>
          {ticket.units.length === 0
            ? null
            : ticket.units
                .map((u) => `${u.name}（${t(u.role === 'lead' ? 'staff.lead' : 'staff.co')}）`)
                .join('、')}
        </Fact>
        <Fact label={t('staff.requestedUntil')}>{ticket.requestedUntil}</Fact>
        <Fact label={t('staff.pendingReply')}>{ticket.pendingReply}</Fact>
        <Fact label={t('staff.reply')}>{ticket.reply}</Fact>
        <Fact label={t('staff.rating')}>
          {ticket.rating
            ? [t(`staff.satisfaction.${ticket.rating.satisfaction}`), ticket.rating.reason]
                .filter(Boolean)
                .join('：')
            : null}
        </Fact>
        <Fact label={t('staff.rehandles')}>
          {ticket.rehandleCount > 0 ? ticket.rehandleCount : null}
        </Fact>
        <Fact label={t('staff.lastUrgedAt')}>
          {ticket.lastUrgedAt?.slice(0, 16).replace('T', ' ')}
        </Fact>
        <Fact label={t('staff.firstContactAt')}>
          {ticket.firstContactAt?.slice(0, 16).replace('T', ' ')}
        </Fact>
        <Fact label={t('staff.businessRecord')}>
          {(ticket.businessRecord ?? []).length === 0 ? null : (
            <>
              {ticket.businessRecord?.some((r) => r.status === 'terminated') ? (
                <strong className="gs-staff-terminated">{t('staff.terminatedMatter')}</strong>
              ) : null}
              <ul>
                {(ticket.businessRecord ?? []).map((r) => (
                  <li
                    key={r.id}
                  >{`${r.number} ${r.title}（${t(`staff.statuses.${r.status}`)}）`}</li>
                ))}
              </ul>
            </>
          )}
        </Fact>
      </dl>
      {(ticket.attachments ?? []).length > 0 ? (
        <ul className="gs-staff-attachments" aria-label={t('staff.attachments')}>
          {(ticket.attachments ?? []).map((a) => (
            <li key={a.id}>
              <a href={a.url} target="_blank" rel="noreferrer">
                <img src={a.thumbnailUrl ?? a.url} alt={t('staff.attachment')} width={96} />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}
