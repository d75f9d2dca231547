import type { TicketSummary } from '../../../../mock-api/contract'
import type { SeenStatuses } from '../common/ticket-cache'

/** Why a ticket is near the top of the list: what it needs from the owner, most pressing first. */
export type Attention = 'rate' | 'overdue' | 'changed' | null

const RANK: Record<Exclude<Attention, null>, number> = { rate: 0, overdue: 1, changed: 2 }

/**
 * A ticket awaits the owner's rating while its reply stands unrated. A ticket never opened on this
 * phone counts as changed once it has left `submitted` (its first change is news too).
 */
export function attentionOf(ticket: TicketSummary, seen: SeenStatuses): Attention {
  if (ticket.status === 'replied') return 'rate'
  if (ticket.due?.overdue) return 'overdue'
  const lastSeen = seen[ticket.id] ?? 'submitted'
  return lastSeen !== ticket.status ? 'changed' : null
}

export type ListedTicket = { ticket: TicketSummary; attention: Attention }

/** Tickets needing the owner first (to rate, overdue, changed), each group newest first. */
export function orderTickets(
  tickets: readonly TicketSummary[],
  seen: SeenStatuses,
): ListedTicket[] {
  return tickets
    .map((ticket) => ({ ticket, attention: attentionOf(ticket, seen) }))
    .sort((a, b) => {
      const rankA = a.attention === null ? 3 : RANK[a.attention]
      const rankB = b.attention === null ? 3 : RANK[b.attention]
      return rankA - rankB || b.ticket.createdAt.localeCompare(a.ticket.createdAt)
    })
}
