// Creating staff accounts outside the demo seed (the first admin, later the admin console).
import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { StaffRole } from '../contract.js'
import type { Database } from './database.js'
import { hashPassword } from './passwords.js'

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,31}$/

export type NewStaff = {
  username: string
  displayName: string
  password: string
  role: StaffRole
  divisionCode: string | null
  unitId: string | null
}

/** The new account's id, or null when the username is taken (nothing is changed then). */
export async function createStaff(
  db: Kysely<Database>,
  staff: NewStaff,
  now: Date,
): Promise<string | null> {
  if (!USERNAME_PATTERN.test(staff.username)) throw new RangeError('invalid username')
  const id = randomUUID()
  const at = now.toISOString()
  const result = await db
    .insertInto('staff')
    .values({
      id,
      username: staff.username,
      display_name: staff.displayName,
      password_hash: await hashPassword(staff.password),
      role: staff.role,
      division_code: staff.divisionCode,
      unit_id: staff.unitId,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) => oc.column('username').doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1 ? id : null
}
