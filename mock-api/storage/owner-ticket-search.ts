// An owner's tickets searched the way Open311 clients ask: by time of report, category and status,
// or by number; and the latest note the owner may read on each.
import type { Kysely } from 'kysely'
import type { Category, TicketStatus } from '../contract.js'
import type { Database } from './database.js'
import type { TicketRow } from './tickets.js'

type Db = Kysely<Database>

export type OwnerTicketFilter = {
  /** Reported at or after this instant (ISO 8601, UTC). */
  from: string
  /** Reported at or before this instant (ISO 8601, UTC). */
  to: string
  categories: readonly Category[] | null
  statuses: readonly TicketStatus[] | null
  limit: number
}

/** The owner's tickets reported between `from` and `to`, oldest first. */
export function searchOwnerTickets(
  db: Db,
  ownerId: string,
  filter: OwnerTicketFilter,
): Promise<TicketRow[]> {
  let query = db
    .selectFrom('tickets')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('created_at', '>=', filter.from)
    .where('created_at', '<=', filter.to)
  if (filter.categories) query = query.where('category', 'in', [...filter.categories])
  if (filter.statuses) query = query.where('status', 'in', [...filter.statuses])
  return query.orderBy('created_at').orderBy('number').limit(filter.limit).execute()
}

/** Those of `numbers` that name the owner's tickets; another owner's are left out. */
export function ownerTicketsByNumber(
  db: Db,
  ownerId: string,
  numbers: readonly string[],
): Promise<TicketRow[]> {
  if (numbers.length === 0) return Promise.resolve([])
  return db
    .selectFrom('tickets')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('number', 'in', [...numbers])
    .orderBy('created_at')
    .orderBy('number')
    .execute()
}

/** Each ticket's newest history note that the owner may read (internal notes never). */
export async function latestOwnerNotes(
  db: Db,
  ticketIds: readonly string[],
): Promise<Map<string, string>> {
  if (ticketIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('ticket_history')
    .select(['ticket_id', 'note'])
    .where('ticket_id', 'in', [...ticketIds])
    .where('note', 'is not', null)
    .orderBy('ticket_id')
    .orderBy('seq')
    .execute()
  const notes = new Map<string, string>()
  for (const row of rows) if (row.note !== null) notes.set(row.ticket_id, row.note)
  return notes
}
