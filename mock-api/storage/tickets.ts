// Tickets and their units, history, ratings and change events. Every write takes the caller's
// transaction; the workflow decides what to write, this module only knows how.
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely'
import type { Database } from './database.js'
import type { PreparedQuery } from './prepared-query.js'
import { prepareQuery } from './prepared-query.js'
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

const ticketByIdQuery = prepareQuery(['id'], (db: Db, v: { id: string }) =>
  db.selectFrom('tickets').selectAll().where('id', '=', v.id),
)

export async function findTicket(db: Db, id: string): Promise<TicketRow | undefined> {
  const [row] = await ticketByIdQuery(db, { id })
  return row
}

type NewTicketRow = Insertable<TicketTable>
type TicketColumn = Extract<keyof NewTicketRow, string>

// One prepared insert per set of columns given: an owner's report and a registered one differ.
const insertTicketQueries = new Map<string, PreparedQuery<Database, NewTicketRow, TicketRow>>()

function insertTicketQuery(columns: TicketColumn[]) {
  const key = columns.join()
  let query = insertTicketQueries.get(key)
  if (!query) {
    query = prepareQuery(columns, (db: Db, v: NewTicketRow) =>
      db
        .insertInto('tickets')
        .values(Object.fromEntries(columns.map((column) => [column, v[column]])) as NewTicketRow)
        .returningAll(),
    )
    insertTicketQueries.set(key, query)
  }
  return query
}

export async function insertTicket(db: Db, row: NewTicketRow): Promise<TicketRow> {
  // As Kysely does, a column whose value is undefined is left out (it takes its default).
  const columns = (Object.keys(row) as TicketColumn[]).filter((column) => row[column] !== undefined)
  const [inserted] = await insertTicketQuery(columns)(db, row)
  if (!inserted) throw new Error('the ticket insert returned no row')
  return inserted
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

const lastSeqQuery = prepareQuery(['ticketId'], (db: Db, v: { ticketId: string }) =>
  db
    .selectFrom('ticket_history')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('ticket_id', '=', v.ticketId),
)

const HISTORY_COLUMNS = [
  'ticket_id',
  'seq',
  'at',
  'type',
  'from_status',
  'to_status',
  'role',
  'actor_id',
  'note',
  'internal_note',
  'data',
] as const

type HistoryValues = Required<NewHistoryEntry> & { seq: number }

const insertHistoryQuery = prepareQuery(HISTORY_COLUMNS, (db: Db, v: HistoryValues) =>
  db.insertInto('ticket_history').values(v),
)

/**
 * Appends one entry after the ticket's last and returns it as stored; `lastSeq` when the caller
 * knows it (0 for a ticket just inserted), else it is read.
 */
export async function appendHistory(
  db: Db,
  entry: Required<NewHistoryEntry>,
  lastSeq?: number,
): Promise<HistoryRow> {
  const last =
    lastSeq ?? Number((await lastSeqQuery(db, { ticketId: entry.ticket_id }))[0]?.seq ?? 0)
  const row = { ...entry, seq: last + 1 }
  await insertHistoryQuery(db, row)
  return row
}

const historyQuery = prepareQuery(['ticketId'], (db: Db, v: { ticketId: string }) =>
  db.selectFrom('ticket_history').selectAll().where('ticket_id', '=', v.ticketId).orderBy('seq'),
)

export function historyOf(db: Db, ticketId: string): Promise<HistoryRow[]> {
  return historyQuery(db, { ticketId })
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

type TicketEventValues = Omit<Insertable<TicketEventTable>, 'id'>

const insertTicketEventQuery = prepareQuery(
  ['ticket_id', 'owner_id', 'desk_division_code', 'type', 'status', 'at'],
  (db: Db, v: Required<TicketEventValues>) => db.insertInto('ticket_events').values(v),
)

export async function insertTicketEvent(db: Db, event: Required<TicketEventValues>): Promise<void> {
  await insertTicketEventQuery(db, event)
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
