import { useTranslation } from 'react-i18next'
import type { Ticket } from '../../../../mock-api/contract'
import { UrgeAction, WithdrawAction } from './direct-actions'
import { MaterialForm } from '../material/material-form'
import { RatingForm } from '../rating/rating-form'
import { usePendingActions } from './use-pending-actions'

/** Exactly what the server says the owner may do now, plus what waits in the outbox. */
export function TicketActions({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation()
  const pending = usePendingActions(ticket.id)
  const isRatingPending = pending.some((item) => item.path.endsWith('/rating'))
  const actions = ticket.actions
  return (
    <section className="gs-ticket-section gs-no-print" aria-label={t('ticket.actions')}>
      {pending.length > 0 && (
        <p className="gs-updated gs-updated--offline" role="status">
          {t('ticket.pending', { count: pending.length })}
        </p>
      )}
      {actions?.rate && !isRatingPending && <RatingForm ticketId={ticket.id} />}
      <UrgeAction ticket={ticket} />
      <WithdrawAction ticket={ticket} />
      {actions?.addMaterial && <MaterialForm ticketId={ticket.id} />}
    </section>
  )
}
