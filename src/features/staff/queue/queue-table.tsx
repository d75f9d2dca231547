import { useTranslation } from '@/lib/i18n-react'
import { Link } from 'react-router'
import type { StaffQueueItem } from '../../../../mock-api/contract'
import { DueBadge, dueLevel } from '../common/due-badge'

export type QueueTableProps = {
  caption: string
  tickets: readonly StaffQueueItem[]
  ticketHref: (id: string) => string
  /** Said in the table when it has no rows (an empty board lane still shows, with its 0). */
  empty?: string
}

/** A queue as a table: personal data appears only as the masked phone the API sends. */
export function QueueTable({ caption, tickets, ticketHref, empty }: QueueTableProps) {
  const { t } = useTranslation()
  return (
    <div className="gs-staff-table-wrap">
      <table className="gs-staff-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('staff.columns.number')}</th>
            <th scope="col">{t('staff.columns.title')}</th>
            <th scope="col">{t('staff.columns.status')}</th>
            <th scope="col">{t('staff.columns.due')}</th>
            <th scope="col">{t('staff.columns.phone')}</th>
            <th scope="col">{t('staff.columns.flags')}</th>
          </tr>
        </thead>
        <tbody>
          {tickets.map((ticket) => (
            <tr
              key={ticket.id}
              className={`gs-staff-row--${dueLevel(ticket.due)}`}
              data-ticket-number={ticket.number}
            >
              <td>
                <Link to={ticketHref(ticket.id)}>{ticket.number}</Link>
              </td>
              <td>
                <span className="gs-staff-muted">
                  {t(`channels.${ticket.channel}`)} · {t(`categories.${ticket.category}.label`)}{' '}
                  ·{' '}
                </span>
                {ticket.title}
              </td>
              <td>{t(`staff.statuses.${ticket.status}`)}</td>
              <td>
                <DueBadge due={ticket.due} />
              </td>
              <td>{ticket.maskedPhone ?? t('staff.hidden')}</td>
              <td>
                <Flags ticket={ticket} />
              </td>
            </tr>
          ))}
          {tickets.length === 0 && empty ? (
            <tr>
              <td colSpan={6} className="gs-staff-muted">
                {empty}
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  )
}

function Flags({ ticket }: { ticket: StaffQueueItem }) {
  const { t } = useTranslation()
  const flags = [
    ticket.isUrged ? t('staff.flags.urged') : null,
    ticket.isSupervised ? t('staff.flags.supervised') : null,
    ticket.confidential ? t('staff.flags.confidential') : null,
  ].filter((flag) => flag !== null)
  return (
    <>
      {flags.map((flag) => (
        <span key={flag} className="gs-staff-tag">
          {flag}
        </span>
      ))}
    </>
  )
}
