// The owner's actions on their own ticket (add material, urge, withdraw, rate): each runs once per
// client id (idempotency.ts) through the ticket machine and answers with the updated ticket.
import type { Kysely } from 'kysely'
import type { Database } from '../storage/database.js'
import type { TicketRow } from '../storage/tickets.js'
import { findTicket } from '../storage/tickets.js'
import type { Response } from './idempotency.js'
import { canonicalHash, runOnce } from './idempotency.js'
import { Refused } from './refused.js'
import { loadOwnerTicket } from './ticket-views.js'
import type { ApplyOptions, TicketEvent, WorkflowContext } from './ticket-workflow.js'
import { applyTicketEvent } from './ticket-workflow.js'

type Db = Kysely<Database>

/** The ticket with this id if it is `ownerId`'s; a Refused `not_found` otherwise (the same). */
export async function findOwnTicket(db: Db, ownerId: string, id: string): Promise<TicketRow> {
  const row = await findTicket(db, id)
  if (!row || row.owner_id !== ownerId) throw new Refused('not_found')
  return row
}

export type OwnerAction = {
  /** The action's name, part of the idempotency scope (one key space per ticket and action). */
  name: string
  /** The parsed body; its `id` is the client's idempotency key. */
  input: { id: string }
  event: TicketEvent
  options?: ApplyOptions
}

/** Applies the action once; the same id and body again answers the first response. */
export function runOwnerAction(
  db: Db,
  context: WorkflowContext,
  row: TicketRow,
  { name, input, event, options }: OwnerAction,
): Promise<Response<unknown>> {
  const actor = { role: 'owner' as const, id: row.owner_id }
  const idempotency = {
    scope: `ticket:${row.id}:${name}`,
    key: input.id,
    requestHash: canonicalHash(input),
    now: context.now,
  }
  return runOnce(db, idempotency, async (trx) => {
    const updated = await applyTicketEvent(trx, context, row.id, event, actor, options)
    return { status: 200, body: await loadOwnerTicket(trx, updated, context) }
  })
}
