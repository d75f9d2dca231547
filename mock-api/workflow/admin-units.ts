// The admin's handling units: every unit (deactivated ones too), create, rename, deactivate and
// reactivate. A unit that still holds open tickets, or that the responsibility list names, stays.
// Each change and its audit entry share one transaction.
import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { AdminUnit, UnitChange, UnitInput } from '../contract.js'
import { levelOfDivision } from '../domain/unit-divisions.js'
import { recordAudit } from '../storage/audit.js'
import type { Database } from '../storage/database.js'
import { listResponsibilityEntries } from '../storage/responsibility-entries.js'
import type { UnitRow } from '../storage/units.js'
import {
  findUnit,
  insertUnit,
  isUnitNameTaken,
  listAllUnits,
  openTicketCounts,
  updateUnit,
} from '../storage/units.js'
import type { EditedBy } from './admin-problems.js'
import {
  invalidFields,
  unitHasOpenTickets,
  unitNameTaken,
  unitOnResponsibilityList,
} from './admin-problems.js'
import { Refused } from './refused.js'

type Db = Kysely<Database>

function toAdminUnit(row: UnitRow, openTickets: number): AdminUnit {
  return {
    id: row.id,
    name: row.name,
    level: row.level,
    divisionCode: row.division_code,
    isActive: row.retired_at === null,
    openTickets,
    createdAt: row.created_at,
    retiredAt: row.retired_at,
  }
}

/** Every unit, retired ones too, with the open tickets each holds. */
export async function listAdminUnits(db: Db): Promise<AdminUnit[]> {
  const [rows, open] = await Promise.all([listAllUnits(db), openTicketCounts(db)])
  return rows.map((row) => toAdminUnit(row, open.get(row.id) ?? 0))
}

/** A new unit; its level must be its division's, its name new in the division. */
export async function createUnit(db: Db, input: UnitInput, by: EditedBy): Promise<AdminUnit> {
  if (levelOfDivision(input.divisionCode) !== input.level) {
    throw invalidFields([{ field: 'level', code: 'level_mismatch' }])
  }
  const row = await db.transaction().execute(async (trx) => {
    if (await isUnitNameTaken(trx, input.divisionCode, input.name)) throw unitNameTaken()
    const unit = await insertUnit(trx, {
      id: `unit-${randomUUID()}`,
      name: input.name,
      level: input.level,
      division_code: input.divisionCode,
      created_at: by.at.toISOString(),
      retired_at: null,
    })
    await recordAudit(trx, {
      staffId: by.staffId,
      action: 'unit_created',
      ticketId: null,
      detail: { unitId: unit.id, name: unit.name, divisionCode: unit.division_code },
      at: by.at,
    })
    return unit
  })
  return toAdminUnit(row, 0)
}

async function refuseDeactivation(db: Db, unitId: string): Promise<void> {
  const open = (await openTicketCounts(db)).get(unitId) ?? 0
  if (open > 0) throw unitHasOpenTickets(open)
  const entries = await listResponsibilityEntries(db)
  if (entries.some((e) => e.leadUnitId === unitId || e.coUnitIds.includes(unitId))) {
    throw unitOnResponsibilityList()
  }
}

async function applyChange(
  trx: Db,
  unit: UnitRow,
  change: UnitChange,
  by: EditedBy,
): Promise<UnitRow> {
  const name = change.name !== undefined && change.name !== unit.name ? change.name : undefined
  if (name !== undefined && (await isUnitNameTaken(trx, unit.division_code, name, unit.id))) {
    throw unitNameTaken()
  }
  const isActive = unit.retired_at === null
  const active =
    change.active !== undefined && change.active !== isActive ? change.active : undefined
  if (active === false) await refuseDeactivation(trx, unit.id)
  if (name === undefined && active === undefined) return unit
  const row = await updateUnit(trx, unit.id, {
    ...(name === undefined ? {} : { name }),
    ...(active === undefined ? {} : { retired_at: active ? null : by.at.toISOString() }),
  })
  if (!row) throw new Refused('not_found')
  const detail = { unitId: unit.id, ...(name === undefined ? {} : { name }), active }
  await recordAudit(trx, {
    staffId: by.staffId,
    action: 'unit_changed',
    ticketId: null,
    detail,
    at: by.at,
  })
  return row
}

/** Renames, deactivates or reactivates the unit; a Refused `not_found` when there is none. */
export async function changeUnit(
  db: Db,
  id: string,
  change: UnitChange,
  by: EditedBy,
): Promise<AdminUnit> {
  const row = await db.transaction().execute(async (trx) => {
    const unit = await findUnit(trx, id)
    if (!unit) throw new Refused('not_found')
    return applyChange(trx, unit, change, by)
  })
  return toAdminUnit(row, (await openTicketCounts(db)).get(row.id) ?? 0)
}
