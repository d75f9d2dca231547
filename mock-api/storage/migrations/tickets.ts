// Tickets with their snapshot of business and contact, the due clock and the step results.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('tickets')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('number', 'text', (col) => col.notNull().unique())
    .addColumn('verification_code', 'text', (col) => col.notNull())
    .addColumn('request_hash', 'text', (col) => col.notNull())
    .addColumn('owner_id', 'text', (col) => col.notNull().references('owners.id'))
    .addColumn('device_id', 'text', (col) => col.references('devices.id'))
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('category', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull())
    .addColumn('division_code', 'text', (col) => col.notNull())
    .addColumn('desk_division_code', 'text', (col) => col.notNull())
    .addColumn('service_point_id', 'text', (col) => col.references('service_points.id'))
    .addColumn('business_id', 'text', (col) => col.references('businesses.id'))
    .addColumn('business_name', 'text', (col) => col.notNull())
    .addColumn('business_credit_code', 'text', (col) => col.notNull())
    .addColumn('business_kind', 'text', (col) => col.notNull())
    .addColumn('credit_code_unverified', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('contact_name', 'text', (col) => col.notNull())
    .addColumn('contact_phone', 'text', (col) => col.notNull())
    .addColumn('confidential', 'integer', (col) => col.notNull())
    .addColumn('lead_unit_id', 'text', (col) => col.references('units.id'))
    .addColumn('coordination_via', 'text')
    .addColumn('is_supervised', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('first_contact_at', 'text')
    .addColumn('requested_until', 'text')
    .addColumn('pending_reply', 'text')
    .addColumn('reply', 'text')
    .addColumn('rehandle_count', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('due_step', 'text')
    .addColumn('due_at', 'text')
    .addColumn('due_provisional', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('due_started_at', 'text')
    .addColumn('acceptance_result', 'text')
    .addColumn('handling_result', 'text')
    .addColumn('last_urged_at', 'text')
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addColumn('accepted_at', 'text')
    .addColumn('dispatched_at', 'text')
    .addColumn('replied_at', 'text')
    .addColumn('closed_at', 'text')
    .execute()
  const indexes: Record<string, string[]> = {
    tickets_by_owner: ['owner_id', 'created_at'],
    tickets_desk_queue: ['desk_division_code', 'status', 'due_at'],
    tickets_unit_queue: ['lead_unit_id', 'status', 'due_at'],
    tickets_by_due: ['status', 'due_at'],
    tickets_by_created: ['created_at'],
  }
  for (const [name, columns] of Object.entries(indexes)) {
    await db.schema.createIndex(name).on('tickets').columns(columns).execute()
  }

  await db.schema
    .createTable('ticket_units')
    .addColumn('ticket_id', 'text', (col) => col.notNull().references('tickets.id'))
    .addColumn('unit_id', 'text', (col) => col.notNull().references('units.id'))
    .addColumn('role', 'text', (col) => col.notNull())
    .addColumn('assigned_at', 'text', (col) => col.notNull())
    .addColumn('released_at', 'text')
    .addPrimaryKeyConstraint('ticket_units_pk', ['ticket_id', 'unit_id'])
    .execute()
  await db.schema
    .createIndex('ticket_units_by_unit')
    .on('ticket_units')
    .columns(['unit_id', 'released_at'])
    .execute()
}
