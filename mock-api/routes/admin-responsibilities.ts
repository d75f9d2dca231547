// The admin's responsibility list (责任清单): per division and category, the lead unit and any
// co-units. Each must be an active unit of that division or above it (its city, the region).
import type { FastifyPluginCallback, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { AppDeps } from '../deps/app-deps.js'
import { categorySchema, divisionCodeSchema, responsibilityInputSchema } from '../contract.js'
import { mayServe } from '../domain/unit-divisions.js'
import type { FieldError } from '../plugins/problems.js'
import { problemFor } from '../plugins/problems.js'
import { requireStaff, staffOf } from '../plugins/staff-auth.js'
import { recordAudit } from '../storage/audit.js'
import type { Database } from '../storage/database.js'
import type { ResponsibilityEntry } from '../storage/responsibility-entries.js'
import {
  deleteResponsibilityEntry,
  listResponsibilityEntries,
  putResponsibilityEntry,
} from '../storage/responsibility-entries.js'
import { findUnit } from '../storage/units.js'
import { invalidFields } from '../workflow/admin-problems.js'

export const entryParams = z.object({ divisionCode: divisionCodeSchema, category: categorySchema })

/** The entry the path names; a path that names no division or category names nothing (404). */
function entryKeyOf(request: FastifyRequest) {
  const parsed = entryParams.safeParse(request.params)
  if (!parsed.success) throw problemFor(404)
  return parsed.data
}

async function unitError(
  db: Kysely<Database>,
  field: string,
  unitId: string,
  divisionCode: string,
): Promise<FieldError | null> {
  const unit = await findUnit(db, unitId)
  if (!unit) return { field, code: 'unknown_unit' }
  if (unit.retired_at !== null) return { field, code: 'inactive_unit' }
  if (!mayServe(unit.division_code, divisionCode)) return { field, code: 'outside_division' }
  return null
}

async function checkUnits(db: Kysely<Database>, entry: ResponsibilityEntry): Promise<void> {
  const { leadUnitId, coUnitIds, divisionCode } = entry
  const errors: FieldError[] = []
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

export const adminResponsibilityRoutes: FastifyPluginCallback<AppDeps> = (app, deps, done) => {
  const db = deps.db.db
  const adminOnly = { preHandler: requireStaff(deps, ['admin']) }
  const path = '/staff/admin/responsibilities/:divisionCode/:category'

  app.get('/staff/admin/responsibilities', adminOnly, async () => ({
    entries: await listResponsibilityEntries(db),
  }))

  app.put(path, adminOnly, async (request) => {
    const key = entryKeyOf(request)
    const input = responsibilityInputSchema.parse(request.body)
    const now = deps.clock.now()
    const entry = { ...key, ...input, updatedAt: now.toISOString() }
    await db.transaction().execute(async (trx) => {
      await checkUnits(trx, entry)
      await putResponsibilityEntry(trx, entry, staffOf(request).id)
      await recordAudit(trx, {
        staffId: staffOf(request).id,
        action: 'responsibility_set',
        ticketId: null,
        detail: { ...key, leadUnitId: entry.leadUnitId, coUnitIds: entry.coUnitIds },
        at: now,
      })
    })
    return entry
  })

  app.delete(path, adminOnly, async (request, reply) => {
    const key = entryKeyOf(request)
    const now = deps.clock.now()
    await db.transaction().execute(async (trx) => {
      if (!(await deleteResponsibilityEntry(trx, key.divisionCode, key.category))) return
      await recordAudit(trx, {
        staffId: staffOf(request).id,
        action: 'responsibility_removed',
        ticketId: null,
        detail: key,
        at: now,
      })
    })
    return reply.code(204).send()
  })
  done()
}
