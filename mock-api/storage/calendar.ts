// The office's calendar edits: day overrides and the years it has entered in full.
import type { Kysely } from 'kysely'
import type { Database } from './database.js'

export type StoredOverride = { date: string; kind: 'holiday' | 'workday'; note: string | null }

export function listCalendarOverrides(db: Kysely<Database>): Promise<StoredOverride[]> {
  return db
    .selectFrom('calendar_overrides')
    .select(['date', 'kind', 'note'])
    .orderBy('date')
    .execute()
}

export async function listCompleteYears(db: Kysely<Database>): Promise<number[]> {
  const rows = await db.selectFrom('calendar_years').select('year').orderBy('year').execute()
  return rows.map((row) => Number(row.year))
}
