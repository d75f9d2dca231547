// Issue 17: every service point gets a short code (shared/short-code.ts) for the window poster, so
// a person who cannot scan types `<host>/w/<code>`. Existing points get one here; new points get
// one when inserted (storage/service-points.ts). The column stays nullable (SQLite cannot add a
// NOT NULL column without a default), but every row has a code after this migration.
import type { Kysely } from 'kysely'
import { newShortCode } from '../service-point-short-codes.js'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('service_points').addColumn('short_code', 'text').execute()
  const typed = db as unknown as Kysely<{
    service_points: { id: string; short_code: string | null }
  }>
  const points = await typed.selectFrom('service_points').select('id').orderBy('id').execute()
  const taken = new Set<string>()
  for (const point of points) {
    let code = newShortCode()
    while (taken.has(code)) code = newShortCode()
    taken.add(code)
    await typed
      .updateTable('service_points')
      .set({ short_code: code })
      .where('id', '=', point.id)
      .execute()
  }
  await db.schema
    .createIndex('service_points_by_short_code')
    .on('service_points')
    .column('short_code')
    .unique()
    .execute()
}
