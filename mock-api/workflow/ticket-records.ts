// What accompanies every change of a ticket, on the same transaction: the history entry, the
// change event the SSE stream reads, the owner's notifications (push, SMS), the unit assignments,
// and a rating row for rating events.
import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { HistoryDraft, MachineTicket } from '../domain/ticket-machine.js'
import type { Database } from '../storage/database.js'
import type { HistoryRow, TicketRow, TicketUnitRef } from '../storage/tickets.js'
import {
  appendHistory,
  assignUnits,
  insertRating,
  insertTicketEvent,
  releaseUnits,
} from '../storage/tickets.js'
import { notifyTicketChange } from './ticket-notices.js'

type Db = Kysely<Database>

/**
 * Appends the history entry and the change event of `ticket` (already written) and enqueues what
 * the owner should be told of it; returns the entry as stored. `lastSeq`: see appendHistory.
 */
export async function recordChange(
  db: Db,
  ticket: TicketRow,
  entry: HistoryDraft,
  actorId: string | null,
  at: string,
  lastSeq?: number,
): Promise<HistoryRow> {
  const history = await appendHistory(
    db,
    {
      ticket_id: ticket.id,
      at,
      type: entry.type,
      from_status: entry.from,
      to_status: entry.to,
      role: entry.role,
      actor_id: actorId,
      note: entry.note,
      internal_note: entry.internalNote,
      data: JSON.stringify(entry.data),
    },
    lastSeq,
  )
  await insertTicketEvent(db, {
    ticket_id: ticket.id,
    owner_id: ticket.owner_id,
    desk_division_code: ticket.desk_division_code,
    type: entry.type,
    status: ticket.status,
    at,
  })
  await notifyTicketChange(db, ticket, entry, history.seq, at)
  return history
}

const sameUnits = (held: readonly TicketUnitRef[], ticket: MachineTicket) => {
  const wanted = new Set([`lead:${ticket.leadUnitId}`, ...ticket.coUnitIds.map((id) => `co:${id}`)])
  const current = new Set(held.map((unit) => `${unit.role}:${unit.unitId}`))
  return wanted.size === current.size && [...wanted].every((key) => current.has(key))
}

/** Makes ticket_units match the machine's lead and co-units: exactly one lead, or none. */
export async function syncUnits(
  db: Db,
  ticketId: string,
  held: readonly TicketUnitRef[],
  ticket: MachineTicket,
  at: string,
): Promise<void> {
  if (ticket.leadUnitId === null) {
    if (held.length > 0) await releaseUnits(db, ticketId, at)
    return
  }
  if (sameUnits(held, ticket)) return
  await assignUnits(
    db,
    ticketId,
    [
      { unitId: ticket.leadUnitId, role: 'lead' },
      ...ticket.coUnitIds.map((unitId) => ({ unitId, role: 'co' as const })),
    ],
    at,
  )
}

export type RatingSource = { source: 'owner' | 'desk' | 'system'; staffId: string | null }

/** Stores the rating the machine just set, as the round of the ticket's re-handle count. */
export async function writeRating(
  db: Db,
  ticket: TicketRow,
  rating: NonNullable<MachineTicket['rating']>,
  by: RatingSource,
  options: { id?: string; at: string },
): Promise<void> {
  await insertRating(db, {
    id: options.id ?? randomUUID(),
    ticket_id: ticket.id,
    round: ticket.rehandle_count,
    resolved: rating.resolved,
    satisfaction: rating.satisfaction,
    reason: rating.reason,
    source: by.source,
    staff_id: by.staffId,
    rated_at: options.at,
  })
}
