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

export type CompleteYear = { year: number; note: string | null }

export async function findCompleteYear(
  db: Kysely<Database>,
  year: number,
): Promise<CompleteYear | null> {
  const row = await db
    .selectFrom('calendar_years')
    .select(['year', 'note'])
    .where('year', '=', year)
    .executeTakeFirst()
  return row ? { year: Number(row.year), note: row.note } : null
}

/** Creates or replaces the override of its date. */
export async function putCalendarOverride(
  db: Kysely<Database>,
  override: StoredOverride,
  staffId: string,
  at: Date,
): Promise<void> {
  const values = { kind: override.kind, note: override.note, created_by: staffId }
  await db
    .insertInto('calendar_overrides')
    .values({ date: override.date, ...values, created_at: at.toISOString() })
    .onConflict((oc) => oc.column('date').doUpdateSet(values))
    .execute()
}

/** The override that was removed; null when the date had none. */
export async function deleteCalendarOverride(
  db: Kysely<Database>,
  date: string,
): Promise<StoredOverride | null> {
  const row = await db
    .deleteFrom('calendar_overrides')
    .where('date', '=', date)
    .returning(['date', 'kind', 'note'])
    .executeTakeFirst()
  return row ?? null
}

/** Marks the year entered in full (again: the note is replaced). */
export async function markYearComplete(
  db: Kysely<Database>,
  year: CompleteYear,
  at: Date,
): Promise<void> {
  await db
    .insertInto('calendar_years')
    .values({ year: year.year, note: year.note, created_at: at.toISOString() })
    .onConflict((oc) => oc.column('year').doUpdateSet({ note: year.note }))
    .execute()
}

/** Whether the year was marked. */
export async function unmarkYearComplete(db: Kysely<Database>, year: number): Promise<boolean> {
  const result = await db.deleteFrom('calendar_years').where('year', '=', year).executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}
