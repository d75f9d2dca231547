// The responsibility list's entries (责任清单): one lead unit, and any co-units, per division and
// category. The older `responsibilities` table keeps each unit's duties and keywords, which the
// suggestions and the statistics' topics read; entries say who leads, not what matches.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('responsibility_entries')
    .addColumn('division_code', 'text', (col) => col.notNull())
    .addColumn('category', 'text', (col) => col.notNull())
    .addColumn('lead_unit_id', 'text', (col) => col.notNull().references('units.id'))
    .addColumn('co_unit_ids', 'text', (col) => col.notNull().defaultTo('[]'))
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('responsibility_entries_pk', ['division_code', 'category'])
    .execute()
}
