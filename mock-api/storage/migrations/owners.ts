// Owners, their devices and contact phones, link codes, and their businesses.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('owners')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute()

  await db.schema
    .createTable('devices')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('owner_id', 'text', (col) => col.notNull().references('owners.id'))
    .addColumn('credential_hash', 'text', (col) => col.notNull().unique())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('last_seen_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute()
  await db.schema.createIndex('devices_by_owner').on('devices').column('owner_id').execute()

  await db.schema
    .createTable('owner_phones')
    .addColumn('owner_id', 'text', (col) => col.notNull().references('owners.id'))
    .addColumn('phone_hash', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('owner_phones_pk', ['owner_id', 'phone_hash'])
    .execute()
  await db.schema
    .createIndex('owner_phones_by_phone')
    .on('owner_phones')
    .column('phone_hash')
    .execute()

  await db.schema
    .createTable('link_codes')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('device_id', 'text', (col) => col.notNull().references('devices.id'))
    .addColumn('owner_id', 'text', (col) => col.notNull().references('owners.id'))
    .addColumn('phone_hash', 'text', (col) => col.notNull())
    .addColumn('code_hash', 'text', (col) => col.notNull())
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .addColumn('consumed_at', 'text')
    .execute()
  await db.schema
    .createIndex('link_codes_by_device')
    .on('link_codes')
    .columns(['device_id', 'created_at'])
    .execute()

  await db.schema
    .createTable('businesses')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('owner_id', 'text', (col) => col.notNull().references('owners.id'))
    .addColumn('credit_code', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('businesses_owner_credit_code', ['owner_id', 'credit_code'])
    .execute()
}
