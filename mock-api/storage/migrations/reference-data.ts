// Service points, units and their responsibilities, the calendar overrides, counters, settings.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('service_points')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('hall', 'text', (col) => col.notNull())
    .addColumn('window', 'text', (col) => col.notNull())
    .addColumn('division_code', 'text', (col) => col.notNull())
    .addColumn('desk_division_code', 'text', (col) => col.notNull())
    .addColumn('token_version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('retired_at', 'text')
    .execute()
  await db.schema
    .createIndex('service_points_by_desk')
    .on('service_points')
    .columns(['desk_division_code', 'division_code'])
    .execute()

  await db.schema
    .createTable('units')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('level', 'text', (col) => col.notNull())
    .addColumn('division_code', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('retired_at', 'text')
    .execute()
  await db.schema.createIndex('units_by_division').on('units').column('division_code').execute()

  await db.schema
    .createTable('responsibilities')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('unit_id', 'text', (col) => col.notNull().references('units.id'))
    .addColumn('category', 'text')
    .addColumn('topic', 'text', (col) => col.notNull())
    .addColumn('keywords', 'text', (col) => col.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute()
  await db.schema
    .createIndex('responsibilities_by_unit')
    .on('responsibilities')
    .column('unit_id')
    .execute()

  await db.schema
    .createTable('calendar_overrides')
    .addColumn('date', 'text', (col) => col.primaryKey())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute()
  await db.schema
    .createTable('calendar_years')
    .addColumn('year', 'integer', (col) => col.primaryKey())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute()

  await db.schema
    .createTable('counters')
    .addColumn('name', 'text', (col) => col.primaryKey())
    .addColumn('value', 'integer', (col) => col.notNull())
    .execute()
  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('value', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute()
}
