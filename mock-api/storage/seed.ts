// Demo mode's reference data and staff accounts. Inserts only what is missing (by stable id or
// username), so a second run changes nothing and never overwrites a changed password. Production
// never calls it (server.ts and cli.ts decide).
import { randomUUID } from 'node:crypto'
import type { InsertResult, Insertable, Kysely } from 'kysely'
import type { Database } from './database.js'
import {
  DEMO_AREAS,
  DEMO_SERVICE_POINTS,
  DEMO_STAFF,
  DEMO_UNIT_KINDS,
  demoUnitId,
} from './demo-data.js'
import { hashPassword } from './passwords.js'
import { newShortCode } from './service-point-short-codes.js'
import type { ResponsibilityTable, ServicePointTable, UnitTable } from './tables-places.js'
import type { StaffTable } from './tables-staff.js'

export type SeedSummary = {
  units: number
  responsibilities: number
  servicePoints: number
  staff: number
}

type Db = Kysely<Database>

export async function seedDemo(
  db: Db,
  options: { password: string; now: Date },
): Promise<SeedSummary> {
  const at = options.now.toISOString()
  const existing = await db.selectFrom('staff').select('username').execute()
  const taken = new Set(existing.map((row) => row.username))
  const missing = DEMO_STAFF.filter((member) => !taken.has(member.username))
  const staffRows: Insertable<StaffTable>[] = await Promise.all(
    missing.map(async (member) => ({
      id: randomUUID(),
      username: member.username,
      display_name: member.displayName,
      password_hash: await hashPassword(options.password),
      role: member.role,
      division_code: member.divisionCode,
      unit_id: member.unitId,
      service_point_id: member.servicePointId ?? null,
      created_at: at,
      updated_at: at,
    })),
  )
  return db.transaction().execute(async (trx) => ({
    units: await inserted(
      trx
        .insertInto('units')
        .values(unitRows(at))
        .onConflict((oc) => oc.doNothing()),
    ),
    responsibilities: await inserted(
      trx
        .insertInto('responsibilities')
        .values(dutyRows(at))
        .onConflict((oc) => oc.doNothing()),
    ),
    servicePoints: await inserted(
      trx
        .insertInto('service_points')
        .values(pointRows(at))
        .onConflict((oc) => oc.doNothing()),
    ),
    staff:
      staffRows.length === 0
        ? 0
        : await inserted(
            trx
              .insertInto('staff')
              .values(staffRows)
              .onConflict((oc) => oc.doNothing()),
          ),
  }))
}

async function inserted(query: { executeTakeFirst(): Promise<InsertResult> }): Promise<number> {
  const result = await query.executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0)
}

function unitRows(at: string): Insertable<UnitTable>[] {
  return DEMO_AREAS.flatMap((area) =>
    DEMO_UNIT_KINDS.map((kind) => ({
      id: demoUnitId(area.slug, kind.key),
      name: kind.name(area),
      level: area.level,
      division_code: area.code,
      created_at: at,
      retired_at: null,
    })),
  )
}

function dutyRows(at: string): Insertable<ResponsibilityTable>[] {
  return DEMO_AREAS.flatMap((area) =>
    DEMO_UNIT_KINDS.flatMap((kind) =>
      kind.duties.map((duty, index) => ({
        id: `${demoUnitId(area.slug, kind.key)}-duty-${index + 1}`,
        unit_id: demoUnitId(area.slug, kind.key),
        category: duty.category,
        topic: duty.topic,
        keywords: JSON.stringify(duty.keywords),
        created_at: at,
      })),
    ),
  )
}

function pointRows(at: string): Insertable<ServicePointTable>[] {
  return DEMO_SERVICE_POINTS.map((point) => ({
    id: point.id,
    name: `${point.hall} ${point.window}`,
    hall: point.hall,
    window: point.window,
    division_code: point.divisionCode,
    desk_division_code: point.deskDivisionCode,
    short_code: newShortCode(),
    created_at: at,
    retired_at: null,
  }))
}
