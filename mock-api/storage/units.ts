// Handling units and the responsibility list, as the staff console reads them.
import type { Kysely, Selectable } from 'kysely'
import type { Category } from '../contract.js'
import type { Database } from './database.js'
import type { UnitTable } from './tables-places.js'

export type UnitRow = Selectable<UnitTable>

export type Responsibility = {
  unitId: string
  category: Category | null
  topic: string
  keywords: string[]
}

export async function findUnit(db: Kysely<Database>, id: string): Promise<UnitRow | null> {
  const row = await db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst()
  return row ?? null
}

/**
 * Units that are not retired, in the given divisions (null: every division), region units first,
 * then by division and name.
 */
export async function listActiveUnits(
  db: Kysely<Database>,
  divisionCodes: readonly string[] | null,
): Promise<UnitRow[]> {
  if (divisionCodes?.length === 0) return []
  let query = db.selectFrom('units').selectAll().where('retired_at', 'is', null)
  if (divisionCodes !== null) query = query.where('division_code', 'in', divisionCodes)
  return query.orderBy('division_code').orderBy('name').orderBy('id').execute()
}

/** Unit names by id, for showing who holds a ticket. */
export async function unitNames(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const rows = await db.selectFrom('units').select(['id', 'name']).where('id', 'in', ids).execute()
  return new Map(rows.map((row) => [row.id, row.name]))
}

/** The responsibility list of active units in the given divisions that covers `category`. */
export async function listResponsibilities(
  db: Kysely<Database>,
  divisionCodes: readonly string[],
  category: Category,
): Promise<Responsibility[]> {
  if (divisionCodes.length === 0) return []
  const rows = await db
    .selectFrom('responsibilities')
    .innerJoin('units', 'units.id', 'responsibilities.unit_id')
    .select([
      'responsibilities.unit_id',
      'responsibilities.category',
      'responsibilities.topic',
      'responsibilities.keywords',
    ])
    .where('units.retired_at', 'is', null)
    .where('units.division_code', 'in', divisionCodes)
    .where((eb) =>
      eb.or([
        eb('responsibilities.category', 'is', null),
        eb('responsibilities.category', '=', category),
      ]),
    )
    .orderBy('responsibilities.id')
    .execute()
  return rows.map((row) => ({
    unitId: row.unit_id,
    category: row.category,
    topic: row.topic,
    keywords: parseKeywords(row.keywords),
  }))
}

function parseKeywords(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text)
    return Array.isArray(value) ? value.filter((k): k is string => typeof k === 'string') : []
  } catch {
    return []
  }
}
