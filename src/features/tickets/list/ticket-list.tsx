import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import { Link } from 'react-router'
import { DueLine } from '../common/due-line'
import { orderTickets } from './order-tickets'
import { ticketListQuery } from '../common/queries'
import { UpdatedAt } from '../common/updated-at'
import { useSeen } from './use-seen'
import '../common/tickets.css'

type Props = { ticketHref: (id: string) => string; empty: ReactNode }

/** My tickets, those needing me first: status, the current step's deadline, what is new. */
export function TicketList({ ticketHref, empty }: Props) {
  const { t } = useTranslation()
  const list = useQuery(ticketListQuery())
  const seen = useSeen()
  if (list.isPending || seen === undefined)
    return <p className="gs-muted">{t('tickets.loading')}</p>
  if (list.isError) return <p className="gs-form-error">{t('tickets.failed')}</p>
  if (list.data === null || list.data.value.length === 0) return empty
  const { value, savedAt, isCached } = list.data
  return (
    <>
      <UpdatedAt savedAt={savedAt} isCached={isCached} />
      <ul className="gs-ticket-list">
        {orderTickets(value, seen).map(({ ticket, attention }) => (
          <li key={ticket.id}>
            <Link
              to={ticketHref(ticket.id)}
              className="gs-ticket-card"
              data-attention={attention ?? ''}
            >
              {attention && <span className="gs-tag">{t(`tickets.attention.${attention}`)}</span>}
              <span className="gs-ticket-card__title">{ticket.title}</span>
              <span className="gs-ticket-card__meta">
                {t('tickets.number', { number: ticket.number })}
                {' · '}
                <span data-status={ticket.status}>{t(`tickets.statuses.${ticket.status}`)}</span>
              </span>
              {ticket.due && <DueLine due={ticket.due} />}
            </Link>
          </li>
        ))}
      </ul>
    </>
  )
}
