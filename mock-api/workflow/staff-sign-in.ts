/**
 * Staff sign-in, sign-out and who I am. Sign-in attempts are claimed per (username, address), per
 * username and per address in the persistent rate_limits table before the password is checked
 * (guess-limits.ts), so neither parallel guesses nor a restart get past a lockout. An unknown
 * username and a wrong password are refused alike, and cost the same scrypt.
 */
import type { Kysely } from 'kysely'
import type { StaffMe } from '../contract.js'
import type { Database } from '../storage/database.js'
import { hashPassword, isDemoPassword, verifyPassword } from '../storage/passwords.js'
import { findServicePoint } from '../storage/service-points.js'
import type { SessionLimits, StaffAccount } from '../storage/staff-sessions.js'
import { createSession, deleteSession, findSignInAccount } from '../storage/staff-sessions.js'
import { findUnit } from '../storage/units.js'
import type { Guess } from './guess-limits.js'
import { SIGN_IN_RULES, claimGuess, pairSubject, settleRightGuess } from './guess-limits.js'
import { Refused } from './refused.js'

type Db = Kysely<Database>

/** Who the console shows as signed in: a sign-in's account or a session's staff member. */
export type MeAccount = Omit<StaffAccount, 'isDisabled' | 'servicePointId'> & {
  servicePointId?: string | null
}

/** The account with its unit's and service point's names. */
export async function describeStaff(db: Db, account: MeAccount): Promise<StaffMe> {
  const unit = account.unitId === null ? null : await findUnit(db, account.unitId)
  const pointId = account.servicePointId ?? null
  const point = pointId === null ? undefined : await findServicePoint(db, pointId)
  return {
    username: account.username,
    displayName: account.displayName,
    role: account.role,
    scope: {
      ...(account.divisionCode === null ? {} : { divisionCode: account.divisionCode }),
      ...(account.unitId === null ? {} : { unitId: account.unitId }),
      ...(unit ? { unitName: unit.name } : {}),
      ...(point ? { servicePointId: point.id, servicePointName: point.name } : {}),
    },
  }
}

// Unknown usernames still cost one scrypt, so timing does not tell which usernames exist.
let decoyHash: Promise<string> | undefined
const decoy = () => (decoyHash ??= hashPassword('decoy password, never valid'))

// Narrowest first: the pair locks one address's guesses at this username long before the
// username's own limit locks the person out (guess-limits.ts).
const signInGuesses = (username: string, address: string): Guess[] => [
  { rule: SIGN_IN_RULES.address, subject: address },
  { rule: SIGN_IN_RULES.pair, subject: pairSubject(username, address) },
  { rule: SIGN_IN_RULES.username, subject: username },
]

export type SignIn = { username: string; password: string; address: string }

export type SignInSettings = {
  now: Date
  /** Off: attempts are neither counted nor locked. */
  rateLimits: boolean
  /** A production server never accepts the published demo password. */
  isProduction: boolean
  demoPassword: string
  sessionLimits: SessionLimits
  /** Told when a right demo password is refused in production. */
  warn: (message: string) => void
}

export type SignInResult =
  { kind: 'signed_in'; token: string; me: StaffMe } | { kind: 'locked'; retryAfterMs: number }

/**
 * Starts a session (its token is for the cookie only), or says how long a locked-out guesser
 * waits. Refused `invalid_credentials` for an unknown username or a wrong password, and
 * `account_disabled` for a disabled account with the right one.
 */
export async function signIn(
  db: Db,
  input: SignIn,
  settings: SignInSettings,
): Promise<SignInResult> {
  const { now } = settings
  // Counted before the password is checked, so parallel guesses cannot all pass a limit.
  const claimed = settings.rateLimits
    ? await claimGuess(db, signInGuesses(input.username, input.address), now)
    : null
  if (claimed && !claimed.allowed) return { kind: 'locked', retryAfterMs: claimed.retryAfterMs }
  const account = await findSignInAccount(db, input.username)
  const matches = await verifyPassword(input.password, account?.passwordHash ?? (await decoy()))
  const isRefusedDemo =
    settings.isProduction && isDemoPassword(input.password, settings.demoPassword)
  if (!account || !matches || isRefusedDemo) {
    if (isRefusedDemo && matches) settings.warn('sign-in with the demo password refused')
    throw new Refused('invalid_credentials')
  }
  if (account.isDisabled) throw new Refused('account_disabled')
  if (claimed) await settleRightGuess(db, claimed, SIGN_IN_RULES.pair.prefix)
  const token = await createSession(db, account.id, now, settings.sessionLimits)
  return { kind: 'signed_in', token, me: await describeStaff(db, account) }
}

/** Ends the session of this token, if there is one. */
export const signOut = (db: Db, token: string): Promise<void> => deleteSession(db, token)
