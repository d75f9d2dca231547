/**
 * The owner's own tickets: the list, and one ticket by id. Another owner's ticket is not found,
 * exactly like a missing one, and is not read further (nor cached) on this owner's behalf.
 */
import type { Kysely } from 'kysely'
import type { TicketSummary } from '../contract.js'
import type { HolidayCalendar } from '../domain/holidays.js'
import type { Database } from '../storage/database.js'
import { findTicket, listOwnerTickets } from '../storage/tickets.js'
import type { ReadCaches } from './read-caches.js'
import type { OwnerTicketBase, ViewContext } from './ticket-views.js'
import {
  loadOwnerTicketParts,
  ownerTicketAt,
  ownerTicketBase,
  toTicketSummary,
} from './ticket-views.js'
import { ownerViewHoldsUntil } from './view-stability.js'

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

/** A view as sent, and the span of time (ms, from inclusive) and the calendar it holds for. */
type HeldView = { calendar: HolidayCalendar; from: number; until: number; json: string }

// Keyed by the cached base: a change to the store makes new bases, and these go with the old.
const heldViews = new WeakMap<OwnerTicketBase, HeldView>()

/**
 * The owner's view of the ticket at `context.now`, as JSON. Between changes to the ticket most
 * reads fall within the span its last view holds for (view-stability.ts), and answer that view's
 * text again rather than work it out and serialize it anew.
 */
export function ownerTicketJsonAt(base: OwnerTicketBase, context: ViewContext): string {
  const at = context.now.getTime()
  const held = heldViews.get(base)
  if (held && held.calendar === context.calendar && held.from <= at && at < held.until) {
    return held.json
  }
  const json = JSON.stringify(ownerTicketAt(base, context))
  const until = ownerViewHoldsUntil(base.row, context.now, context.calendar)
  if (until > at) heldViews.set(base, { calendar: context.calendar, from: at, until, json })
  return json
}
