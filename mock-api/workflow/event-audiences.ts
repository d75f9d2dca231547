/**
 * Who sees which change events. An owner: the events of their own tickets (owner_id is on the
 * row, so live picking needs no query). Staff: the tickets `ticketScope` lets them see, decided
 * when the event is delivered, not when it happened: a unit hears about a ticket from its
 * dispatch on, and not about the event that took the ticket away from it (which it raised itself,
 * or which the desk did on its behalf; its queue drops the ticket at the next refresh).
 */
import type { Kysely } from 'kysely'
import type { Database } from '../storage/database.js'
import type { TicketEventRow } from '../storage/ticket-events.js'
import { latestOwnerEventId, ownerEventsBetween } from '../storage/ticket-events.js'
import type { Audience } from './event-hub.js'
import type { StaffMember } from './staff-scope.js'
import { ticketScope } from './staff-scope.js'

type Db = Kysely<Database>

export function ownerAudience(db: Db, ownerId: string): Audience {
  return {
    key: `owner:${ownerId}`,
    pick: (rows) => Promise.resolve(rows.filter((row) => row.owner_id === ownerId)),
    backlog: (range, limit) => ownerEventsBetween(db, ownerId, range, limit),
    latestId: (upTo) => latestOwnerEventId(db, ownerId, upTo),
  }
}

const staffEvents = (db: Db, staff: StaffMember) =>
  db
    .selectFrom('ticket_events')
    .innerJoin('tickets', 'tickets.id', 'ticket_events.ticket_id')
    .where(ticketScope(staff))

export function staffAudience(db: Db, staff: StaffMember): Audience {
  return {
    // Staff with the same scope share one query per batch.
    key: `staff:${staff.role}:${staff.divisionCode ?? ''}:${staff.unitId ?? ''}`,
    async pick(rows) {
      if (rows.length === 0) return []
      const visible = await staffEvents(db, staff)
        .select('ticket_events.id')
        .where(
          'ticket_events.id',
          'in',
          rows.map((row) => row.id),
        )
        .execute()
      const ids = new Set(visible.map((row) => Number(row.id)))
      return rows.filter((row) => ids.has(row.id))
    },
    backlog: (range, limit): Promise<TicketEventRow[]> =>
      staffEvents(db, staff)
        .selectAll('ticket_events')
        .where('ticket_events.id', '>', range.after)
        .where('ticket_events.id', '<=', range.upTo)
        .orderBy('ticket_events.id')
        .limit(limit)
        .execute(),
    async latestId(upTo) {
      const row = await staffEvents(db, staff)
        .select((eb) => eb.fn.max('ticket_events.id').as('id'))
        .where('ticket_events.id', '<=', upTo)
        .executeTakeFirst()
      return Number(row?.id ?? 0)
    },
  }
}
