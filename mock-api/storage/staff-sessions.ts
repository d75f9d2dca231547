/**
 * Staff accounts as sign-in and the console read them, and their sessions. The cookie carries a random token;
 * the table keeps only its SHA-256, so a copy of the store cannot be replayed as a session.
 * `expires_at` is the earlier of the idle limit (slides with use) and the absolute limit.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { StaffRole } from '../contract.js'
import type { Database } from './database.js'

export type SessionLimits = { idleMs: number; absoluteMs: number }

export type StaffAccount = {
  id: string
  username: string
  displayName: string
  role: StaffRole
  divisionCode: string | null
  unitId: string | null
  isDisabled: boolean
  /** A window clerk's service point. */
  servicePointId: string | null
}

export type SignInAccount = StaffAccount & { passwordHash: string }

export type StaffSession = {
  account: StaffAccount
  createdAt: Date
  lastSeenAt: Date
  expiresAt: Date
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex')

const ACCOUNT_COLUMNS = [
  'staff.id',
  'staff.username',
  'staff.display_name',
  'staff.role',
  'staff.division_code',
  'staff.unit_id',
  'staff.disabled',
  'staff.service_point_id',
] as const

type AccountRow = {
  id: string
  username: string
  display_name: string
  role: StaffRole
  division_code: string | null
  unit_id: string | null
  disabled: number
  service_point_id: string | null
}

const toAccount = (row: AccountRow): StaffAccount => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  divisionCode: row.division_code,
  unitId: row.unit_id,
  isDisabled: Number(row.disabled) === 1,
  servicePointId: row.service_point_id,
})

export async function findSignInAccount(
  db: Kysely<Database>,
  username: string,
): Promise<SignInAccount | null> {
  const row = await db
    .selectFrom('staff')
    .select([...ACCOUNT_COLUMNS, 'staff.password_hash'])
    .where('staff.username', '=', username)
    .executeTakeFirst()
  return row ? { ...toAccount(row), passwordHash: row.password_hash } : null
}

/** Starts a session and returns its token (for the cookie only; it is not stored). */
export async function createSession(
  db: Kysely<Database>,
  staffId: string,
  now: Date,
  limits: SessionLimits,
): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  const at = now.toISOString()
  await db
    .insertInto('staff_sessions')
    .values({
      id_hash: hashToken(token),
      staff_id: staffId,
      created_at: at,
      last_seen_at: at,
      expires_at: expiryOf(now, now, limits).toISOString(),
    })
    .execute()
  return token
}

const expiryOf = (createdAt: Date, lastSeenAt: Date, limits: SessionLimits) =>
  new Date(Math.min(lastSeenAt.getTime() + limits.idleMs, createdAt.getTime() + limits.absoluteMs))

/** The live session for this token with its account, or null (unknown, expired or disabled). */
export async function findSession(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<StaffSession | null> {
  const row = await db
    .selectFrom('staff_sessions')
    .innerJoin('staff', 'staff.id', 'staff_sessions.staff_id')
    .select([
      ...ACCOUNT_COLUMNS,
      'staff_sessions.created_at',
      'staff_sessions.last_seen_at',
      'staff_sessions.expires_at',
    ])
    .where('staff_sessions.id_hash', '=', hashToken(token))
    .where('staff_sessions.expires_at', '>', now.toISOString())
    .executeTakeFirst()
  if (!row || Number(row.disabled) === 1) return null
  return {
    account: toAccount(row),
    createdAt: new Date(row.created_at),
    lastSeenAt: new Date(row.last_seen_at),
    expiresAt: new Date(row.expires_at),
  }
}

/** Slides the idle expiry to `now` (never past the absolute limit). */
export async function touchSession(
  db: Kysely<Database>,
  token: string,
  session: StaffSession,
  now: Date,
  limits: SessionLimits,
): Promise<void> {
  await db
    .updateTable('staff_sessions')
    .set({
      last_seen_at: now.toISOString(),
      expires_at: expiryOf(session.createdAt, now, limits).toISOString(),
    })
    .where('id_hash', '=', hashToken(token))
    .execute()
}

export async function deleteSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('staff_sessions').where('id_hash', '=', hashToken(token)).execute()
}

/**
 * Ends every session of an account (disabled, new role or scope, new password), except the one
 * with `keepToken`: an admin resetting their own password stays signed in here. Returns how many.
 */
export async function endSessionsOf(
  db: Kysely<Database>,
  staffId: string,
  keepToken: string | null = null,
): Promise<number> {
  let query = db.deleteFrom('staff_sessions').where('staff_id', '=', staffId)
  if (keepToken !== null) query = query.where('id_hash', '!=', hashToken(keepToken))
  const result = await query.executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** Housekeeping for the system job: sessions past their expiry. */
export async function deleteExpiredSessions(db: Kysely<Database>, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('staff_sessions')
    .where('expires_at', '<=', now.toISOString())
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** Display names by staff id, for naming who did what in a ticket's history. */
export async function staffNames(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('staff')
    .select(['id', 'display_name'])
    .where('id', 'in', ids)
    .execute()
  return new Map(rows.map((row) => [row.id, row.display_name]))
}
