/**
 * The owner's own tickets: the list, and one ticket by id. Another owner's ticket is not found,
 * exactly like a missing one, and is not read further (nor cached) on this owner's behalf.
 */
import type { Kysely } from 'kysely'
import type { TicketSummary } from '../contract.js'
import type { Database } from '../storage/database.js'
import { findTicket, listOwnerTickets } from '../storage/tickets.js'
import type { ReadCaches } from './read-caches.js'
import type { OwnerTicketBase, ViewContext } from './ticket-views.js'
import { loadOwnerTicketParts, ownerTicketBase, toTicketSummary } from './ticket-views.js'

type Db = Kysely<Database>

/** Owners keep a handful of tickets; a page this long is every one a real owner has. */
const LIST_LIMIT = 500

/** The owner's tickets, newest first, each with its due and its current rating. */
export async function listOwnerTicketSummaries(
  db: Db,
  ownerId: string,
  context: ViewContext,
): Promise<TicketSummary[]> {
  const rows = await listOwnerTickets(db, ownerId, LIST_LIMIT)
  return rows.map((row) => toTicketSummary(row, context))
}

/**
 * The clock-free part of the owner's view of one of their tickets (ticket-views.ts completes it at
 * a time), from the read cache when the store has not changed since; undefined when it is not
 * theirs.
 */
export async function ownerTicketBaseOf(
  db: Db,
  reads: Pick<ReadCaches, 'ownerTickets'>,
  ownerId: string,
  id: string,
): Promise<OwnerTicketBase | undefined> {
  const found = await reads.ownerTickets.load(id, async () => {
    const row = await findTicket(db, id)
    if (!row || row.owner_id !== ownerId) return undefined
    return ownerTicketBase(row, await loadOwnerTicketParts(db, row))
  })
  return found?.row.owner_id === ownerId ? found : undefined
}
