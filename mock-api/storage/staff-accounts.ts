// Staff accounts outside the demo seed: the first admin (cli.ts) and the admin console. Passwords
// arrive here hashed where a transaction is open, so no transaction waits on scrypt.
import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { StaffRole } from '../contract.js'
import { STAFF_USERNAME_PATTERN } from '../contract.js'
import type { Database } from './database.js'
import { hashPassword } from './passwords.js'

export const USERNAME_PATTERN = STAFF_USERNAME_PATTERN

type Db = Kysely<Database>

export type StaffScope = {
  role: StaffRole
  divisionCode: string | null
  unitId: string | null
  /** A window clerk's service point; absent or null for every other role. */
  servicePointId?: string | null
}

export type NewStaff = StaffScope & { username: string; displayName: string; password: string }

export type StaffAccountRow = StaffScope & {
  id: string
  username: string
  displayName: string
  unitName: string | null
  isDisabled: boolean
  servicePointName: string | null
}

/** What an admin changes; `passwordHash` replaces the password. */
export type StaffChange = Partial<StaffScope> & {
  displayName?: string
  isDisabled?: boolean
  passwordHash?: string
}

/** The new account's id, or null when the username is taken (nothing is changed then). */
export async function insertStaff(
  db: Db,
  staff: Omit<NewStaff, 'password'> & { passwordHash: string },
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
      password_hash: staff.passwordHash,
      role: staff.role,
      division_code: staff.divisionCode,
      unit_id: staff.unitId,
      service_point_id: staff.servicePointId ?? null,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) => oc.column('username').doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1 ? id : null
}

export async function createStaff(db: Db, staff: NewStaff, now: Date): Promise<string | null> {
  const { password, ...rest } = staff
  return insertStaff(db, { ...rest, passwordHash: await hashPassword(password) }, now)
}

function accountQuery(db: Db) {
  return db
    .selectFrom('staff')
    .leftJoin('units', 'units.id', 'staff.unit_id')
    .leftJoin('service_points', 'service_points.id', 'staff.service_point_id')
    .select([
      'staff.id',
      'staff.username',
      'staff.display_name',
      'staff.role',
      'staff.division_code',
      'staff.unit_id',
      'staff.disabled',
      'units.name as unit_name',
      'staff.service_point_id',
      'service_points.name as service_point_name',
    ])
}

type Selected = Awaited<ReturnType<ReturnType<typeof accountQuery>['executeTakeFirstOrThrow']>>

const toRow = (row: Selected): StaffAccountRow => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  divisionCode: row.division_code,
  unitId: row.unit_id,
  unitName: row.unit_name,
  isDisabled: Number(row.disabled) === 1,
  servicePointId: row.service_point_id,
  servicePointName: row.service_point_name,
})

/** Every account by username, with its unit's name; never a password hash. */
export async function listStaffAccounts(db: Db): Promise<StaffAccountRow[]> {
  const rows = await accountQuery(db).orderBy('staff.username').execute()
  return rows.map(toRow)
}

export async function findStaffAccount(db: Db, id: string): Promise<StaffAccountRow | null> {
  const row = await accountQuery(db).where('staff.id', '=', id).executeTakeFirst()
  return row ? toRow(row) : null
}

export async function updateStaff(db: Db, id: string, change: StaffChange, now: Date) {
  await db
    .updateTable('staff')
    .set({
      updated_at: now.toISOString(),
      ...(change.displayName === undefined ? {} : { display_name: change.displayName }),
      ...(change.role === undefined ? {} : { role: change.role }),
      ...(change.divisionCode === undefined ? {} : { division_code: change.divisionCode }),
      ...(change.unitId === undefined ? {} : { unit_id: change.unitId }),
      ...(change.servicePointId === undefined ? {} : { service_point_id: change.servicePointId }),
      ...(change.isDisabled === undefined ? {} : { disabled: change.isDisabled ? 1 : 0 }),
      ...(change.passwordHash === undefined ? {} : { password_hash: change.passwordHash }),
    })
    .where('id', '=', id)
    .execute()
}
