// Reads of the ticket_events outbox for the live streams (the workflow writes it, in
// storage/tickets.ts). Every read is ordered by id, the order a stream delivers in.
import type { Kysely, Selectable } from 'kysely'
import type { Database } from './database.js'
import type { TicketEventTable } from './tables-tickets.js'

type Db = Kysely<Database>

export type TicketEventRow = Selectable<TicketEventTable>

/** The newest `limit` events, newest first. */
export function latestEvents(db: Db, limit: number): Promise<TicketEventRow[]> {
  return db.selectFrom('ticket_events').selectAll().orderBy('id', 'desc').limit(limit).execute()
}

/** Events after `after`, plus any of the ids in `also` (ids below it still awaited), by id. */
export function eventsAfter(
  db: Db,
  after: number,
  also: readonly number[],
  limit: number,
): Promise<TicketEventRow[]> {
  return db
    .selectFrom('ticket_events')
    .selectAll()
    .where((eb) =>
      also.length === 0
        ? eb('id', '>', after)
        : eb.or([eb('id', '>', after), eb('id', 'in', [...also])]),
    )
    .orderBy('id')
    .limit(limit)
    .execute()
}

/** The owner's events with `after` < id ≤ `upTo`, oldest first. */
export function ownerEventsBetween(
  db: Db,
  ownerId: string,
  range: { after: number; upTo: number },
  limit: number,
): Promise<TicketEventRow[]> {
  return db
    .selectFrom('ticket_events')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('id', '>', range.after)
    .where('id', '<=', range.upTo)
    .orderBy('id')
    .limit(limit)
    .execute()
}

/** The id of the owner's newest event at or below `upTo`; 0 when there is none. */
export async function latestOwnerEventId(db: Db, ownerId: string, upTo: number): Promise<number> {
  const row = await db
    .selectFrom('ticket_events')
    .select((eb) => eb.fn.max('id').as('id'))
    .where('owner_id', '=', ownerId)
    .where('id', '<=', upTo)
    .executeTakeFirst()
  return Number(row?.id ?? 0)
}
