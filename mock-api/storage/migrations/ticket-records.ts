// What accumulates on a ticket: the append-only history, attachments, ratings, change events.
import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import { addSerialId, isPostgres } from './schema-helpers.js'

const APPEND_ONLY = 'ticket_history is append-only'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ticket_history')
    .addColumn('ticket_id', 'text', (col) => col.notNull().references('tickets.id'))
    .addColumn('seq', 'integer', (col) => col.notNull())
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (col) => col.notNull())
    .addColumn('role', 'text', (col) => col.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('note', 'text')
    .addColumn('internal_note', 'text')
    .addColumn('data', 'text', (col) => col.notNull().defaultTo('{}'))
    .addPrimaryKeyConstraint('ticket_history_pk', ['ticket_id', 'seq'])
    .execute()
  await db.schema.createIndex('ticket_history_by_at').on('ticket_history').column('at').execute()
  await refuseHistoryChanges(db)

  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('ticket_id', 'text', (col) => col.notNull().references('tickets.id'))
    .addColumn('sha256', 'text', (col) => col.notNull())
    .addColumn('mime', 'text', (col) => col.notNull())
    .addColumn('size', 'integer', (col) => col.notNull())
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('thumbnail_sha256', 'text')
    .addColumn('thumbnail_mime', 'text')
    .addColumn('uploaded_by', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute()
  await db.schema
    .createIndex('attachments_by_ticket')
    .on('attachments')
    .column('ticket_id')
    .execute()
  await db.schema.createIndex('attachments_by_content').on('attachments').column('sha256').execute()

  await db.schema
    .createTable('ratings')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('ticket_id', 'text', (col) => col.notNull().references('tickets.id'))
    .addColumn('round', 'integer', (col) => col.notNull())
    .addColumn('resolved', 'text')
    .addColumn('satisfaction', 'text', (col) => col.notNull())
    .addColumn('reason', 'text')
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('staff_id', 'text')
    .addColumn('rated_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('ratings_one_per_round', ['ticket_id', 'round'])
    .execute()

  await addSerialId(db, db.schema.createTable('ticket_events'))
    .addColumn('ticket_id', 'text', (col) => col.notNull().references('tickets.id'))
    .addColumn('owner_id', 'text', (col) => col.notNull())
    .addColumn('desk_division_code', 'text', (col) => col.notNull())
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('at', 'text', (col) => col.notNull())
    .execute()
  await db.schema
    .createIndex('ticket_events_by_owner')
    .on('ticket_events')
    .columns(['owner_id', 'id'])
    .execute()
}

async function refuseHistoryChanges(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await sql`create function ticket_history_append_only() returns trigger language plpgsql as $$
      begin raise exception '${sql.raw(APPEND_ONLY)}'; end $$`.execute(db)
    await sql`create trigger ticket_history_append_only before update or delete on ticket_history
      for each row execute function ticket_history_append_only()`.execute(db)
    return
  }
  for (const action of ['update', 'delete']) {
    await sql`create trigger ${sql.raw(`ticket_history_no_${action}`)} before ${sql.raw(action)}
      on ticket_history begin select raise(abort, '${sql.raw(APPEND_ONLY)}'); end`.execute(db)
  }
}
