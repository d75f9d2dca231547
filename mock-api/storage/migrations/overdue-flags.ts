// Overdue flags the system job raised: one row per ticket and due instant, so a step's passing due
// is announced once, and a new due (an extension, a re-handle) can be announced again. A table of
// its own keeps the job from writing ticket rows, which only the workflow writes.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('overdue_flags')
    .addColumn('ticket_id', 'text', (col) => col.notNull().references('tickets.id'))
    .addColumn('due_at', 'text', (col) => col.notNull())
    .addColumn('step', 'text', (col) => col.notNull())
    .addColumn('flagged_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('overdue_flags_pk', ['ticket_id', 'due_at'])
    .execute()
}
