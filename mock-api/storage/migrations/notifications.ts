// Telling the owner outside the app (DOMAIN.md "Telling the owner"). `notifications` is an outbox
// written in the same transaction as what it announces, unique on (dedupe key, channel,
// recipient): a retried request, a restart or a second API instance finds the row already there
// and never sends twice. The sender claims rows with a lease (`claimed_until`), so a crash while
// sending leaves a row that another sender takes over once the lease runs out.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('dedupe_key', 'text', (col) => col.notNull())
    .addColumn('channel', 'text', (col) => col.notNull())
    .addColumn('recipient', 'text', (col) => col.notNull())
    .addColumn('event', 'text', (col) => col.notNull())
    .addColumn('ticket_id', 'text')
    .addColumn('locale', 'text', (col) => col.notNull())
    .addColumn('payload', 'text', (col) => col.notNull())
    .addColumn('is_urgent', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('not_before', 'text', (col) => col.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_until', 'text')
    .addColumn('answer', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addColumn('sent_at', 'text')
    .addUniqueConstraint('notifications_once', ['dedupe_key', 'channel', 'recipient'])
    .execute()
  await db.schema
    .createIndex('notifications_due')
    .on('notifications')
    .columns(['status', 'not_before'])
    .execute()
  await db.schema
    .createIndex('notifications_sms_per_day')
    .on('notifications')
    .columns(['channel', 'recipient', 'sent_at'])
    .execute()
  await db.schema
    .createIndex('notifications_recent')
    .on('notifications')
    .column('created_at')
    .execute()

  await db.schema
    .createTable('push_subscriptions')
    .addColumn('id', 'text', (col) => col.primaryKey())
    // The owner is read through the device at send time: a device that joins another owner
    // (a link code) brings its subscription along.
    .addColumn('device_id', 'text', (col) => col.notNull().references('devices.id'))
    .addColumn('endpoint', 'text', (col) => col.notNull().unique())
    .addColumn('p256dh', 'text', (col) => col.notNull())
    .addColumn('auth', 'text', (col) => col.notNull())
    .addColumn('locale', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute()
  await db.schema
    .createIndex('push_subscriptions_by_device')
    .on('push_subscriptions')
    .column('device_id')
    .execute()

  // The owner turned SMS off for one ticket (DOMAIN.md: "SMS off per ticket").
  await db.schema
    .createTable('ticket_sms_optouts')
    .addColumn('ticket_id', 'text', (col) => col.primaryKey().references('tickets.id'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute()
}
