import { useTranslation } from '@/lib/i18n-react'
import type { Ticket } from '../../../../mock-api/contract'
import { UrgeAction, WithdrawAction } from './direct-actions'
import { MaterialForm, useIsMaterialPending } from '../material/material-form'
import { RatingSection } from '../rating/rating-section'
import { usePendingActions } from './use-pending-actions'

/**
 * Exactly what the server says the owner may do now. What waits in the outbox is said once, in
 * the place of the action that put it there (the rating's, the material's), not in a line of its
 * own: offline, the banner already says so, and "N actions saved" named neither (issue 17).
 */
export function TicketActions({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation()
  const pending = usePendingActions(ticket.id)
  const isRatingPending = pending.some((item) => item.path.endsWith('/rating'))
  const isMaterialPending = useIsMaterialPending(ticket.id)
  const actions = ticket.actions
  return (
    <section className="gs-ticket-section gs-no-print" aria-label={t('ticket.actions')}>
      <RatingSection
        ticketId={ticket.id}
        canRate={Boolean(actions?.rate)}
        isPending={isRatingPending}
      />
      <UrgeAction ticket={ticket} />
      <WithdrawAction ticket={ticket} />
      {(actions?.addMaterial || isMaterialPending) && (
        <MaterialForm ticketId={ticket.id} canAdd={Boolean(actions?.addMaterial)} />
      )}
    </section>
  )
}
