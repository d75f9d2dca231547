// The admin's responsibility list (责任清单): per division and category, the lead unit and any
// co-units. Each must be an active unit of that division or above it (its city, the region).
// Each change and its audit entry share one transaction.
import type { Kysely } from 'kysely'
import type { Category, ResponsibilityEntry } from '../contract.js'
import { mayServe } from '../domain/unit-divisions.js'
import { recordAudit } from '../storage/audit.js'
import type { Database } from '../storage/database.js'
import {
  deleteResponsibilityEntry,
  listResponsibilityEntries,
  putResponsibilityEntry,
} from '../storage/responsibility-entries.js'
import { findUnit } from '../storage/units.js'
import type { EditedBy } from './admin-problems.js'
import { invalidFields } from './admin-problems.js'
import type { FaultyField } from './refused.js'

type Db = Kysely<Database>
/** The entry a path names. */
export type EntryKey = { divisionCode: string; category: Category }

async function unitError(
  db: Db,
  field: string,
  unitId: string,
  divisionCode: string,
): Promise<Required<FaultyField> | null> {
  const unit = await findUnit(db, unitId)
  if (!unit) return { field, code: 'unknown_unit' }
  if (unit.retired_at !== null) return { field, code: 'inactive_unit' }
  if (!mayServe(unit.division_code, divisionCode)) return { field, code: 'outside_division' }
  return null
}

async function checkUnits(db: Db, entry: ResponsibilityEntry): Promise<void> {
  const { leadUnitId, coUnitIds, divisionCode } = entry
  const errors: Required<FaultyField>[] = []
  const lead = await unitError(db, 'leadUnitId', leadUnitId, divisionCode)
  if (lead) errors.push(lead)
  for (const [index, id] of coUnitIds.entries()) {
    const field = `coUnitIds.${index}`
    if (id === leadUnitId) errors.push({ field, code: 'lead_repeated' })
    else if (coUnitIds.indexOf(id) !== index) errors.push({ field, code: 'duplicate' })
    else {
      const error = await unitError(db, field, id, divisionCode)
      if (error) errors.push(error)
    }
  }
  if (errors.length > 0) throw invalidFields(errors)
}

/** Every entry, by division and category. */
export const listResponsibilityList = (db: Db): Promise<ResponsibilityEntry[]> =>
  listResponsibilityEntries(db)

/** Creates or replaces the entry of `key`; its units at fault refuse it with their fields. */
export async function setResponsibility(
  db: Db,
  key: EntryKey,
  units: Pick<ResponsibilityEntry, 'leadUnitId' | 'coUnitIds'>,
  by: EditedBy,
): Promise<ResponsibilityEntry> {
  const entry = { ...key, ...units, updatedAt: by.at.toISOString() }
  await db.transaction().execute(async (trx) => {
    await checkUnits(trx, entry)
    await putResponsibilityEntry(trx, entry, by.staffId)
    await recordAudit(trx, {
      staffId: by.staffId,
      action: 'responsibility_set',
      ticketId: null,
      detail: { ...key, leadUnitId: entry.leadUnitId, coUnitIds: entry.coUnitIds },
      at: by.at,
    })
  })
  return entry
}

/** Removes the entry of `key`, audited when there was one; nothing to remove is no error. */
export async function removeResponsibility(db: Db, key: EntryKey, by: EditedBy): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (!(await deleteResponsibilityEntry(trx, key.divisionCode, key.category))) return
    await recordAudit(trx, {
      staffId: by.staffId,
      action: 'responsibility_removed',
      ticketId: null,
      detail: key,
      at: by.at,
    })
  })
}
