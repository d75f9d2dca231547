// Every channel in (issue 16): how each ticket came in and who registered it, window clerks bound
// to a service point, and entity codes (经营主体服务码) naming one business.
import type { Kysely } from 'kysely'
import { sql } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  const tickets = db.schema.alterTable('tickets')
  await tickets.addColumn('channel', 'text', (col) => col.notNull().defaultTo('app')).execute()
  await tickets.addColumn('registered_by', 'text', (col) => col.references('staff.id')).execute()
  await tickets.addColumn('handed_down_issuer', 'text').execute()
  await tickets.addColumn('handed_down_document', 'text').execute()
  await tickets.addColumn('entity_code_id', 'text').execute()
  await tickets.addColumn('claimed_at', 'text').execute()
  // Tickets from before channels were recorded: a window code means the app with a code.
  await sql`update tickets set channel = 'app_code' where service_point_id is not null`.execute(db)
  await db.schema
    .createIndex('tickets_by_registrar')
    .on('tickets')
    .columns(['registered_by', 'created_at'])
    .execute()
  await db.schema
    .createIndex('tickets_by_credit_code')
    .on('tickets')
    .columns(['business_credit_code', 'created_at'])
    .execute()

  await db.schema
    .alterTable('staff')
    .addColumn('service_point_id', 'text', (col) => col.references('service_points.id'))
    .execute()

  await db.schema
    .createTable('entity_codes')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('credit_code', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('issued_by', 'text', (col) => col.notNull().references('staff.id'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('retired_at', 'text')
    .execute()
  await db.schema
    .createIndex('entity_codes_by_issuer')
    .on('entity_codes')
    .columns(['issued_by', 'created_at'])
    .execute()
}
