// The admin's handling units: every unit (deactivated ones too), create, rename, deactivate and
// reactivate. A unit that still holds open tickets, or that the responsibility list names, stays.
import { randomUUID } from 'node:crypto'
import type { FastifyPluginCallback } from 'fastify'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { AppDeps } from '../deps/app-deps.js'
import type { AdminUnit, UnitChange } from '../contract.js'
import { unitChangeSchema, unitInputSchema } from '../contract.js'
import { levelOfDivision } from '../domain/unit-divisions.js'
import { problemFor } from '../plugins/problems.js'
import { requireStaff, staffOf } from '../plugins/staff-auth.js'
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
import {
  invalidFields,
  unitHasOpenTickets,
  unitNameTaken,
  unitOnResponsibilityList,
} from '../workflow/admin-problems.js'
import type { StaffMember } from '../workflow/staff-scope.js'

export const unitIdParams = z.object({ id: z.string().min(1).max(100) })

export function toAdminUnit(row: UnitRow, openTickets: number): AdminUnit {
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

async function refuseDeactivation(db: Kysely<Database>, unitId: string): Promise<void> {
  const open = (await openTicketCounts(db)).get(unitId) ?? 0
  if (open > 0) throw unitHasOpenTickets(open)
  const entries = await listResponsibilityEntries(db)
  if (entries.some((e) => e.leadUnitId === unitId || e.coUnitIds.includes(unitId))) {
    throw unitOnResponsibilityList()
  }
}

async function changeUnit(
  trx: Kysely<Database>,
  unit: UnitRow,
  change: UnitChange,
  staff: StaffMember,
  now: Date,
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
    ...(active === undefined ? {} : { retired_at: active ? null : now.toISOString() }),
  })
  if (!row) throw problemFor(404)
  const detail = { unitId: unit.id, ...(name === undefined ? {} : { name }), active }
  await recordAudit(trx, {
    staffId: staff.id,
    action: 'unit_changed',
    ticketId: null,
    detail,
    at: now,
  })
  return row
}

export const adminUnitRoutes: FastifyPluginCallback<AppDeps> = (app, deps, done) => {
  const db = deps.db.db
  const adminOnly = { preHandler: requireStaff(deps, ['admin']) }

  app.get('/staff/admin/units', adminOnly, async () => {
    const [rows, open] = await Promise.all([listAllUnits(db), openTicketCounts(db)])
    return { units: rows.map((row) => toAdminUnit(row, open.get(row.id) ?? 0)) }
  })

  app.post('/staff/admin/units', adminOnly, async (request, reply) => {
    const input = unitInputSchema.parse(request.body)
    if (levelOfDivision(input.divisionCode) !== input.level) {
      throw invalidFields([{ field: 'level', code: 'level_mismatch' }])
    }
    const now = deps.clock.now()
    const row = await db.transaction().execute(async (trx) => {
      if (await isUnitNameTaken(trx, input.divisionCode, input.name)) throw unitNameTaken()
      const unit = await insertUnit(trx, {
        id: `unit-${randomUUID()}`,
        name: input.name,
        level: input.level,
        division_code: input.divisionCode,
        created_at: now.toISOString(),
        retired_at: null,
      })
      await recordAudit(trx, {
        staffId: staffOf(request).id,
        action: 'unit_created',
        ticketId: null,
        detail: { unitId: unit.id, name: unit.name, divisionCode: unit.division_code },
        at: now,
      })
      return unit
    })
    return reply.code(201).send(toAdminUnit(row, 0))
  })

  app.patch('/staff/admin/units/:id', adminOnly, async (request) => {
    const { id } = unitIdParams.parse(request.params)
    const change = unitChangeSchema.parse(request.body)
    const now = deps.clock.now()
    const row = await db.transaction().execute(async (trx) => {
      const unit = await findUnit(trx, id)
      if (!unit) throw problemFor(404)
      return changeUnit(trx, unit, change, staffOf(request), now)
    })
    return toAdminUnit(row, (await openTicketCounts(db)).get(row.id) ?? 0)
  })
  done()
}
