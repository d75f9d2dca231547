// The system job's reads and writes: tickets whose rating window ran out, tickets whose due passed
// without a flag yet, and the flags themselves.
import type { Kysely } from 'kysely'
import type { DueStep } from '../contract.js'
import { OPEN_STATUSES } from '../domain/transitions.js'
import type { Database } from './database.js'
import type { TicketRow } from './tickets.js'

type Db = Kysely<Database>

/** Replied tickets whose rating window ended at or before `now`, oldest due first. */
export function listRatingWindowsRunOut(db: Db, now: Date, limit: number): Promise<TicketRow[]> {
  return db
    .selectFrom('tickets')
    .selectAll()
    .where('status', '=', 'replied')
    .where('due_step', '=', 'rating')
    .where('due_at', '<=', now.toISOString())
    .orderBy('due_at')
    .limit(limit)
    .execute()
}

/**
 * Open tickets whose current due passed at or before `now` and was not flagged yet. The owner's
 * rating window is not a step anyone can be late on, so it is left out.
 */
export function listUnflaggedOverdue(db: Db, now: Date, limit: number): Promise<TicketRow[]> {
  return db
    .selectFrom('tickets')
    .selectAll()
    .where('status', 'in', OPEN_STATUSES)
    .where('due_step', '<>', 'rating')
    .where('due_at', '<=', now.toISOString())
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('overdue_flags')
            .select('overdue_flags.ticket_id')
            .whereRef('overdue_flags.ticket_id', '=', 'tickets.id')
            .whereRef('overdue_flags.due_at', '=', 'tickets.due_at'),
        ),
      ),
    )
    .orderBy('due_at')
    .limit(limit)
    .execute()
}

/** Records the flag; false when it was already there (another sweep got there first). */
export async function insertOverdueFlag(
  db: Db,
  flag: { ticketId: string; dueAt: string; step: DueStep; at: Date },
): Promise<boolean> {
  const result = await db
    .insertInto('overdue_flags')
    .values({
      ticket_id: flag.ticketId,
      due_at: flag.dueAt,
      step: flag.step,
      flagged_at: flag.at.toISOString(),
    })
    .onConflict((oc) => oc.columns(['ticket_id', 'due_at']).doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1
}
