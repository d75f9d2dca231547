// The responsibility list's entries: the lead unit and co-units per division and category.
import type { Kysely } from 'kysely'
import type { Category } from '../contract.js'
import type { Database } from './database.js'

export type ResponsibilityEntry = {
  divisionCode: string
  category: Category
  leadUnitId: string
  coUnitIds: string[]
  updatedAt: string
}

type Db = Kysely<Database>

const COLUMNS = ['division_code', 'category', 'lead_unit_id', 'co_unit_ids', 'updated_at'] as const

type EntryRow = {
  division_code: string
  category: Category
  lead_unit_id: string
  co_unit_ids: string
  updated_at: string
}

function toEntry(row: EntryRow): ResponsibilityEntry {
  return {
    divisionCode: row.division_code,
    category: row.category,
    leadUnitId: row.lead_unit_id,
    coUnitIds: parseIds(row.co_unit_ids),
    updatedAt: row.updated_at,
  }
}

function parseIds(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text)
    return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : []
  } catch {
    return []
  }
}

/** Every entry, by division and category. */
export async function listResponsibilityEntries(db: Db): Promise<ResponsibilityEntry[]> {
  const rows = await db
    .selectFrom('responsibility_entries')
    .select(COLUMNS)
    .orderBy('division_code')
    .orderBy('category')
    .execute()
  return rows.map(toEntry)
}

/** The entries of `category` in any of `divisionCodes`. */
export async function findResponsibilityEntries(
  db: Db,
  divisionCodes: readonly string[],
  category: Category,
): Promise<ResponsibilityEntry[]> {
  if (divisionCodes.length === 0) return []
  const rows = await db
    .selectFrom('responsibility_entries')
    .select(COLUMNS)
    .where('division_code', 'in', [...divisionCodes])
    .where('category', '=', category)
    .execute()
  return rows.map(toEntry)
}

/** Creates or replaces the entry of its division and category. */
export async function putResponsibilityEntry(
  db: Db,
  entry: ResponsibilityEntry,
  staffId: string,
): Promise<void> {
  const values = {
    lead_unit_id: entry.leadUnitId,
    co_unit_ids: JSON.stringify(entry.coUnitIds),
    updated_by: staffId,
    updated_at: entry.updatedAt,
  }
  await db
    .insertInto('responsibility_entries')
    .values({ division_code: entry.divisionCode, category: entry.category, ...values })
    .onConflict((oc) => oc.columns(['division_code', 'category']).doUpdateSet(values))
    .execute()
}

/** Whether an entry was there to delete. */
export async function deleteResponsibilityEntry(
  db: Db,
  divisionCode: string,
  category: Category,
): Promise<boolean> {
  const result = await db
    .deleteFrom('responsibility_entries')
    .where('division_code', '=', divisionCode)
    .where('category', '=', category)
    .executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}
