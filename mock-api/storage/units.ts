// Handling units and their duties, as the staff console reads them and the admin keeps them.
import type { Kysely, Selectable } from 'kysely'
import type { Category } from '../contract.js'
import { TERMINAL_STATUSES } from '../contract.js'
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

/** Every unit, retired ones too, region first, then by division and name: the admin's list. */
export function listAllUnits(db: Kysely<Database>): Promise<UnitRow[]> {
  return db
    .selectFrom('units')
    .selectAll()
    .orderBy('division_code')
    .orderBy('name')
    .orderBy('id')
    .execute()
}

export async function insertUnit(db: Kysely<Database>, row: UnitRow): Promise<UnitRow> {
  await db.insertInto('units').values(row).execute()
  return row
}

export type UnitChange = { name?: string; retired_at?: string | null }

/** The changed unit; null when there is none with this id. */
export async function updateUnit(
  db: Kysely<Database>,
  id: string,
  change: UnitChange,
): Promise<UnitRow | null> {
  if (Object.keys(change).length > 0) {
    await db.updateTable('units').set(change).where('id', '=', id).execute()
  }
  return findUnit(db, id)
}

/** Whether another unit of the division already has this name. */
export async function isUnitNameTaken(
  db: Kysely<Database>,
  divisionCode: string,
  name: string,
  exceptId: string | null = null,
): Promise<boolean> {
  let query = db
    .selectFrom('units')
    .select('id')
    .where('division_code', '=', divisionCode)
    .where('name', '=', name)
  if (exceptId !== null) query = query.where('id', '<>', exceptId)
  return (await query.executeTakeFirst()) !== undefined
}

/** How many open tickets (not in a terminal state) each unit holds as lead or co-unit. */
export async function openTicketCounts(db: Kysely<Database>): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('ticket_units')
    .innerJoin('tickets', 'tickets.id', 'ticket_units.ticket_id')
    .select((eb) => ['ticket_units.unit_id', eb.fn.countAll<number | string>().as('n')])
    .where('ticket_units.released_at', 'is', null)
    .where('tickets.status', 'not in', [...TERMINAL_STATUSES])
    .groupBy('ticket_units.unit_id')
    .execute()
  return new Map(rows.map((row) => [row.unit_id, Number(row.n)]))
}
