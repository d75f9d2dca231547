/**
 * Service points (windows and halls that receive reports): the admin lists, creates and retires
 * them; a desk reads its own desk's points and prints their codes. A point's window code carries
 * a signed token (`/q/<token>`); its short code (`/w/<code>`, issue 17) is what the poster prints
 * for a person who cannot scan, and leads to the same token.
 */
import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { ServicePointInput } from '../contract.js'
import { REGION_CODE, receivingDesk } from '../domain/jurisdiction.js'
import { normalizeShortCode } from '../shared/short-code.js'
import type { Database } from '../storage/database.js'
import { signServicePointToken } from '../storage/service-point-tokens.js'
import type { ServicePointRow } from '../storage/service-points.js'
import {
  findServicePoint,
  findServicePointByShortCode,
  insertServicePoint,
  listServicePoints,
  retireServicePoint,
} from '../storage/service-points.js'
import type { StaffMember } from './staff-scope.js'
import { Refused } from './refused.js'

export type { ServicePointRow }

type Db = Kysely<Database>

/** The token a point's window code signs for its current version (`/q/<token>`). */
export const windowCodeToken = (codeSecret: string, row: ServicePointRow): string =>
  signServicePointToken(codeSecret, { id: row.id, version: row.token_version })

/** Every point for the admin; a desk's own desk's points for a desk. */
export function servicePointsFor(db: Db, staff: StaffMember): Promise<ServicePointRow[]> {
  return listServicePoints(
    db,
    staff.role === 'admin' ? {} : { deskDivisionCode: staff.divisionCode ?? '' },
  )
}

/** The point, or not_found when it does not exist or belongs to another desk than the reader's. */
export async function readablePoint(db: Db, staff: StaffMember, id: string) {
  const row = await findServicePoint(db, id)
  if (!row) throw new Refused('not_found')
  if (staff.role !== 'admin' && row.desk_division_code !== staff.divisionCode) {
    throw new Refused('not_found')
  }
  return row
}

/** A readable point whose codes still work (to print them); a retired one answers 410. */
export async function livePointOf(db: Db, staff: StaffMember, id: string) {
  const row = await readablePoint(db, staff, id)
  if (row.retired_at !== null) throw new Refused('retired_window_code')
  return row
}

/** The receiving desk of the division, or the region desk; nothing else takes its reports. */
function deskFor(input: ServicePointInput): string {
  const desk = receivingDesk(input.divisionCode)
  const given = input.deskDivisionCode ?? desk
  if (given !== desk && given !== REGION_CODE) {
    throw new Refused('invalid_fields', [{ field: 'deskDivisionCode', code: 'invalid_desk' }])
  }
  return given
}

/** A new point with a fresh short code; its name defaults to its hall and window. */
export function createServicePoint(
  db: Db,
  input: ServicePointInput,
  now: Date,
): Promise<ServicePointRow> {
  return insertServicePoint(db, {
    id: `sp-${randomUUID()}`,
    name: input.name ?? `${input.hall} ${input.window}`,
    hall: input.hall,
    window: input.window,
    division_code: input.divisionCode,
    desk_division_code: deskFor(input),
    created_at: now.toISOString(),
  })
}

/** Retires a point (idempotent: a retired one keeps its first retirement time). */
export async function retirePoint(db: Db, id: string, now: Date): Promise<ServicePointRow> {
  const row = await retireServicePoint(db, id, now)
  if (!row) throw new Refused('not_found')
  return row
}

/**
 * The window-code token a typed short code leads to. Any text that is not a live point's code is
 * unknown (404) and a retired point's code is retired (410): the answer names no point, so a
 * guess learns only whether a code is in use, and the lookups are rate-limited at the edge.
 */
export async function tokenOfShortCode(db: Db, codeSecret: string, text: string): Promise<string> {
  const code = normalizeShortCode(text)
  const row = code === null ? undefined : await findServicePointByShortCode(db, code)
  if (!row) throw new Refused('unknown_short_code')
  if (row.retired_at !== null) throw new Refused('retired_window_code')
  return windowCodeToken(codeSecret, row)
}
