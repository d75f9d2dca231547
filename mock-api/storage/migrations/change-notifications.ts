// PostgreSQL only: every commit that adds a ticket event, or changes what an owner read cache
// holds (devices; a ticket and the parts of its owner view), sends a notification on
// `guishang_changes` from inside the writing transaction (storage/change-feed.ts). Statement
// triggers, not row ones: one `pg_notify` per statement, and PostgreSQL folds repeats within a
// transaction, so a report's commit sends one `events` and one `data`. A new read cache that
// reads other tables must add them here (in a new migration). SQLite needs none: its
// `data_version` moves on any commit, and its one writer wakes its own hub.
import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import { isPostgres } from './schema-helpers.js'

const CACHED_TABLES = [
  'devices',
  'tickets',
  'ticket_units',
  'ticket_history',
  'attachments',
  'ratings',
  'units',
]

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return
  await sql`create function guishang_notify_change() returns trigger language plpgsql as $$
    begin perform pg_notify('guishang_changes', tg_argv[0]); return null; end $$`.execute(db)
  await sql`create trigger ticket_events_notify after insert on ticket_events
    for each statement execute function guishang_notify_change('events')`.execute(db)
  for (const table of CACHED_TABLES) {
    await sql`create trigger ${sql.raw(`${table}_notify`)}
      after insert or update or delete on ${sql.table(table)}
      for each statement execute function guishang_notify_change('data')`.execute(db)
  }
}
