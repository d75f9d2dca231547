// What an admin's account change needs besides its shape (contract.ts checks that): a unit that
// exists and is active, and a password that is long enough and, in production, not the demo one.
import type { Kysely } from 'kysely'
import type { StaffRole } from '../contract.js'
import type { Database } from '../storage/database.js'
import { MIN_PASSWORD_LENGTH, isDemoPassword } from '../storage/passwords.js'
import type { StaffScope } from '../storage/staff-accounts.js'
import { findServicePoint } from '../storage/service-points.js'
import { findUnit } from '../storage/units.js'
import type { StaffMember } from './staff-scope.js'
import { Refused } from './refused.js'

export type AccountContext = {
  db: Kysely<Database>
  now: Date
  /** The signed-in admin, and their session's token (kept when they reset their own password). */
  admin: StaffMember
  sessionToken: string | null
  isProduction: boolean
  demoPassword: string
}

type ScopeInput = {
  role: StaffRole
  divisionCode?: string | null
  unitId?: string | null
  servicePointId?: string | null
}

/** A window clerk takes its (live) service point's division. */
async function windowScope(db: Kysely<Database>, input: ScopeInput): Promise<StaffScope> {
  const point = input.servicePointId ? await findServicePoint(db, input.servicePointId) : null
  if (!point || point.retired_at !== null) {
    throw new Refused('invalid_fields', [
      { field: 'servicePointId', code: 'unknown_service_point' },
    ])
  }
  return {
    role: 'window',
    divisionCode: point.division_code,
    unitId: null,
    servicePointId: point.id,
  }
}

/** The scope to store: a unit account takes its unit's division, a window clerk its point's. */
export async function resolveScope(db: Kysely<Database>, input: ScopeInput): Promise<StaffScope> {
  if (input.role === 'window') return windowScope(db, input)
  if (input.role !== 'unit') {
    return {
      role: input.role,
      divisionCode: input.divisionCode ?? null,
      unitId: null,
      servicePointId: null,
    }
  }
  const unit = input.unitId ? await findUnit(db, input.unitId) : null
  if (!unit || unit.retired_at !== null) {
    throw new Refused('invalid_fields', [{ field: 'unitId', code: 'unknown_unit' }])
  }
  return { role: 'unit', divisionCode: unit.division_code, unitId: unit.id, servicePointId: null }
}

/** Counts characters, not UTF-16 units, like the CLI's check (passwords.ts). */
export function checkNewPassword(
  context: Pick<AccountContext, 'isProduction' | 'demoPassword'>,
  password: string,
): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw new Refused('invalid_fields', [{ field: 'password', code: 'too_short' }])
  }
  // Production never accepts the published demo password (sign-in refuses it there too).
  if (context.isProduction && isDemoPassword(password, context.demoPassword)) {
    throw new Refused('invalid_fields', [{ field: 'password', code: 'demo_password' }])
  }
}
