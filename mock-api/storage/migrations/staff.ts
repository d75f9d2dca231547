// Staff accounts and sessions, and the safety tables: attempt counters, idempotency, audit log.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('staff')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('username', 'text', (col) => col.notNull().unique())
    .addColumn('display_name', 'text', (col) => col.notNull())
    .addColumn('password_hash', 'text', (col) => col.notNull())
    .addColumn('role', 'text', (col) => col.notNull())
    .addColumn('division_code', 'text')
    .addColumn('unit_id', 'text', (col) => col.references('units.id'))
    .addColumn('disabled', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute()

  await db.schema
    .createTable('staff_sessions')
    .addColumn('id_hash', 'text', (col) => col.primaryKey())
    .addColumn('staff_id', 'text', (col) => col.notNull().references('staff.id'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('last_seen_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .execute()
  await db.schema
    .createIndex('staff_sessions_by_staff')
    .on('staff_sessions')
    .column('staff_id')
    .execute()
  await db.schema
    .createIndex('staff_sessions_by_expiry')
    .on('staff_sessions')
    .column('expires_at')
    .execute()

  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('count', 'integer', (col) => col.notNull())
    .addColumn('window_started_at', 'text', (col) => col.notNull())
    .addColumn('blocked_until', 'text')
    .execute()

  await db.schema
    .createTable('idempotency_records')
    .addColumn('scope', 'text', (col) => col.notNull())
    .addColumn('key', 'text', (col) => col.notNull())
    .addColumn('request_hash', 'text', (col) => col.notNull())
    .addColumn('status', 'integer', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('idempotency_records_pk', ['scope', 'key'])
    .execute()
  await db.schema
    .createIndex('idempotency_records_by_age')
    .on('idempotency_records')
    .column('created_at')
    .execute()

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('staff_id', 'text', (col) => col.notNull().references('staff.id'))
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('ticket_id', 'text')
    .addColumn('detail', 'text')
    .execute()
  await db.schema
    .createIndex('audit_log_by_ticket')
    .on('audit_log')
    .columns(['ticket_id', 'at'])
    .execute()
  await db.schema
    .createIndex('audit_log_by_staff')
    .on('audit_log')
    .columns(['staff_id', 'at'])
    .execute()
}
