/**
 * The admin's view of the guess limits (guess-limits.ts): which sign-in and receipt counters are
 * refusing right now or will refuse the next attempt, and clearing one (a staff member locked out
 * by someone else's guesses, after the admin checked who is asking). Clearing is audited.
 */
import type { Kysely } from 'kysely'
import type { LockoutKindValue } from '../contract.js'
import { recordAudit } from '../storage/audit.js'
import type { Database } from '../storage/database.js'
import { listWindows, reset } from '../storage/rate-limits.js'
import type { GuessRule } from './guess-limits.js'
import { GUESS_RULES, RECEIPT_RULES, SIGN_IN_RULES } from './guess-limits.js'

export const LOCKOUT_KINDS = {
  [SIGN_IN_RULES.pair.prefix]: 'sign_in_from_address',
  [SIGN_IN_RULES.username.prefix]: 'sign_in_username',
  [SIGN_IN_RULES.address.prefix]: 'sign_in_address',
  [RECEIPT_RULES.pair.prefix]: 'receipt_from_address',
  [RECEIPT_RULES.number.prefix]: 'receipt_number',
  [RECEIPT_RULES.address.prefix]: 'receipt_address',
} as const

export type LockoutKind = (typeof LOCKOUT_KINDS)[keyof typeof LOCKOUT_KINDS]

// The contract's list (what the console parses) names exactly these kinds.
type SameKinds = [LockoutKind] extends [LockoutKindValue]
  ? [LockoutKindValue] extends [LockoutKind]
    ? true
    : false
  : false
const kindsMatch: SameKinds = true
void kindsMatch

export type LockoutView = {
  key: string
  kind: LockoutKind
  /** The username, receipt number or address; a pair reads `subject@address`. */
  subject: string
  failures: number
  /** When the next attempt will be checked again (China time is the screen's business). */
  lockedUntil: string
}

const ruleOf = (key: string): GuessRule | undefined =>
  GUESS_RULES.find((rule) => key.startsWith(rule.prefix))

function decodeSubject(raw: string): string {
  const at = raw.lastIndexOf('@')
  if (at < 0) return raw
  try {
    return `${decodeURIComponent(raw.slice(0, at))}@${raw.slice(at + 1)}`
  } catch {
    return raw
  }
}

/** Counters that refuse now (a block runs) or will refuse the next attempt (limit reached). */
export async function listLockouts(db: Kysely<Database>, now: Date): Promise<LockoutView[]> {
  const windows = await listWindows(db, Object.keys(LOCKOUT_KINDS))
  const nowMs = now.getTime()
  return windows.flatMap((window) => {
    const rule = ruleOf(window.key)
    const kind = rule && LOCKOUT_KINDS[rule.prefix as keyof typeof LOCKOUT_KINDS]
    if (!rule || !kind) return []
    const blockedUntil = window.blockedUntil === null ? 0 : Date.parse(window.blockedUntil)
    const windowEnds = Date.parse(window.windowStartedAt) + rule.windowMs
    const isFull = window.count >= rule.limit && windowEnds > nowMs
    if (blockedUntil <= nowMs && !isFull) return []
    return [
      {
        key: window.key,
        kind,
        subject: decodeSubject(window.key.slice(rule.prefix.length)),
        failures: window.count,
        lockedUntil: new Date(Math.max(blockedUntil, isFull ? windowEnds : 0)).toISOString(),
      },
    ]
  })
}

/** Clears one counter; false when there was none (or it is not a guess limit). */
export async function clearLockout(
  db: Kysely<Database>,
  key: string,
  by: { staffId: string; at: Date },
): Promise<boolean> {
  if (!ruleOf(key)) return false
  const cleared = await reset(db, key)
  if (cleared) {
    await recordAudit(db, {
      staffId: by.staffId,
      action: 'lockout_cleared',
      ticketId: null,
      detail: { key },
      at: by.at,
    })
  }
  return cleared
}
