// Tickets and their units, history, ratings and change events. Every write takes the caller's
// transaction; the workflow decides what to write, this module only knows how.
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely'
import type { Database } from './database.js'
import type {
  RatingTable,
  TicketEventTable,
  TicketHistoryTable,
  TicketTable,
} from './tables-tickets.js'

type Db = Kysely<Database>

export type TicketRow = Selectable<TicketTable>
export type TicketChanges = Updateable<TicketTable>
export type HistoryRow = Selectable<TicketHistoryTable>
export type RatingRow = Selectable<RatingTable>
export type NewHistoryEntry = Omit<Insertable<TicketHistoryTable>, 'seq'>
export type TicketUnitRef = { unitId: string; role: 'lead' | 'co' }

export function findTicket(db: Db, id: string): Promise<TicketRow | undefined> {
  return db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function insertTicket(db: Db, row: Insertable<TicketTable>): Promise<TicketRow> {
  return db.insertInto('tickets').values(row).returningAll().executeTakeFirstOrThrow()
}

/**
 * Writes `changes` only if the row still has `version` (optimistic concurrency: a concurrent
 * writer on PostgreSQL makes this match nothing) and raises the version. Undefined when it lost.
 */
export function updateTicket(
  db: Db,
  id: string,
  version: number,
  changes: TicketChanges,
): Promise<TicketRow | undefined> {
  return db
    .updateTable('tickets')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst()
}

/** The units holding the ticket now (not released). */
export async function activeUnits(db: Db, ticketId: string): Promise<TicketUnitRef[]> {
  const rows = await db
    .selectFrom('ticket_units')
    .select(['unit_id', 'role'])
    .where('ticket_id', '=', ticketId)
    .where('released_at', 'is', null)
    .orderBy('unit_id')
    .execute()
  return rows.map((row) => ({ unitId: row.unit_id, role: row.role }))
}

export async function releaseUnits(db: Db, ticketId: string, at: string): Promise<void> {
  await db
    .updateTable('ticket_units')
    .set({ released_at: at })
    .where('ticket_id', '=', ticketId)
    .where('released_at', 'is', null)
    .execute()
}

/** Releases every unit, then (re)assigns the given ones; a unit assigned before is reactivated. */
export async function assignUnits(
  db: Db,
  ticketId: string,
  units: readonly TicketUnitRef[],
  at: string,
): Promise<void> {
  await releaseUnits(db, ticketId, at)
  for (const unit of units) {
    await db
      .insertInto('ticket_units')
      .values({
        ticket_id: ticketId,
        unit_id: unit.unitId,
        role: unit.role,
        assigned_at: at,
        released_at: null,
      })
      .onConflict((oc) =>
        oc
          .columns(['ticket_id', 'unit_id'])
          .doUpdateSet({ role: unit.role, assigned_at: at, released_at: null }),
      )
      .execute()
  }
}

/** Appends one entry after the ticket's last; returns its seq. */
export async function appendHistory(db: Db, entry: NewHistoryEntry): Promise<number> {
  const last = await db
    .selectFrom('ticket_history')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('ticket_id', '=', entry.ticket_id)
    .executeTakeFirst()
  const seq = Number(last?.seq ?? 0) + 1
  await db
    .insertInto('ticket_history')
    .values({ ...entry, seq })
    .execute()
  return seq
}

export function historyOf(db: Db, ticketId: string): Promise<HistoryRow[]> {
  return db
    .selectFrom('ticket_history')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .orderBy('seq')
    .execute()
}

/** When the ticket last had an event of this type (its newest history entry of it), or null. */
export async function lastEventAt(db: Db, ticketId: string, type: string): Promise<string | null> {
  const row = await db
    .selectFrom('ticket_history')
    .select((eb) => eb.fn.max('at').as('at'))
    .where('ticket_id', '=', ticketId)
    .where('type', '=', type)
    .executeTakeFirst()
  return row?.at ?? null
}

export async function insertTicketEvent(
  db: Db,
  event: Omit<Insertable<TicketEventTable>, 'id'>,
): Promise<void> {
  await db.insertInto('ticket_events').values(event).execute()
}

export async function insertRating(db: Db, rating: Insertable<RatingTable>): Promise<void> {
  await db.insertInto('ratings').values(rating).execute()
}

/** The rating of the given round (re-handle count), if any. */
export function ratingOfRound(
  db: Db,
  ticketId: string,
  round: number,
): Promise<RatingRow | undefined> {
  return db
    .selectFrom('ratings')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .where('round', '=', round)
    .executeTakeFirst()
}

/** Those of `ids` that name units not retired. */
export async function liveUnitIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  const rows = await db
    .selectFrom('units')
    .select('id')
    .where('id', 'in', [...ids])
    .where('retired_at', 'is', null)
    .execute()
  return new Set(rows.map((row) => row.id))
}

/** Moves every ticket of one owner to another (a device joining its owner brings its tickets). */
export async function reassignTickets(db: Db, fromOwner: string, toOwner: string): Promise<void> {
  await db
    .updateTable('tickets')
    .set({ owner_id: toOwner })
    .where('owner_id', '=', fromOwner)
    .execute()
}

export async function countOwnerTickets(db: Db, ownerId: string): Promise<number> {
  const row = await db
    .selectFrom('tickets')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('owner_id', '=', ownerId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export type RatingColumns = {
  rating_resolved: RatingRow['resolved'] | null
  rating_satisfaction: RatingRow['satisfaction'] | null
  rating_reason: string | null
}

/** An owner's tickets, newest first, each with the rating of its current round. */
export function listOwnerTickets(
  db: Db,
  ownerId: string,
  limit: number,
): Promise<(TicketRow & RatingColumns)[]> {
  return db
    .selectFrom('tickets')
    .leftJoin('ratings', (join) =>
      join
        .onRef('ratings.ticket_id', '=', 'tickets.id')
        .onRef('ratings.round', '=', 'tickets.rehandle_count'),
    )
    .selectAll('tickets')
    .select([
      'ratings.resolved as rating_resolved',
      'ratings.satisfaction as rating_satisfaction',
      'ratings.reason as rating_reason',
    ])
    .where('tickets.owner_id', '=', ownerId)
    .orderBy('tickets.created_at', 'desc')
    .orderBy('tickets.number', 'desc')
    .limit(limit)
    .execute()
}

export function findTicketByNumber(db: Db, number: string): Promise<TicketRow | undefined> {
  return db.selectFrom('tickets').selectAll().where('number', '=', number).executeTakeFirst()
}
