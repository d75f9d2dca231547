/**
 * Staff passwords: scrypt from node:crypto with a random salt, stored as
 * `scrypt$<N>$<r>$<p>$<salt b64url>$<hash b64url>` so the cost can rise later without breaking
 * old hashes. Verification compares in constant time.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'
import type { ScryptOptions } from 'node:crypto'
import { MIN_STAFF_PASSWORD_LENGTH } from '../contract.js'

export const DEFAULT_DEMO_PASSWORD = 'guishang-demo'
export const MIN_PASSWORD_LENGTH = MIN_STAFF_PASSWORD_LENGTH

type Cost = { N: number; r: number; p: number }
/** What every hash made by a running server costs (about 0.1 s and 32 MiB on one core). */
export const PRODUCTION_COST: Cost = { N: 2 ** 15, r: 8, p: 1 }
let cost: Cost = PRODUCTION_COST

/**
 * For the test suite only (mock-api/test/cheap-password-hashes.ts): the same scheme at a cost of
 * N = 2^10, so the hundreds of demo accounts seeded and signed in by the tests hash in
 * milliseconds. Refused outside Vitest, so no server can be made to store weak hashes.
 * Verification always uses the cost written in the hash itself.
 */
export function setHashCostForTests(next: Cost): void {
  if (!process.env.VITEST) throw new Error('setHashCostForTests is for the test suite only')
  cost = next
}
const KEY_LENGTH = 32
const SALT_LENGTH = 16
// 128·N·r bytes is exactly Node's default limit at N = 2^15, r = 8: give it headroom.
const MAX_MEMORY = 64 * 1024 * 1024

function derive(password: string, salt: Buffer, options: ScryptOptions, length: number) {
  return new Promise<Buffer>((resolve, reject) =>
    scrypt(
      password.normalize('NFC'),
      salt,
      length,
      { ...options, maxmem: MAX_MEMORY },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  )
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH)
  const hash = await derive(password, salt, cost, KEY_LENGTH)
  const { N, r, p } = cost
  return ['scrypt', N, r, p, salt.toString('base64url'), hash.toString('base64url')].join('$')
}

/** False for a wrong password and for anything that is not a hash this module made. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64url')
  if (expected.length === 0) return false
  const options = { N: Number(n), r: Number(r), p: Number(p) }
  const actual = await derive(password, Buffer.from(salt, 'base64url'), options, expected.length)
  return timingSafeEqual(actual, expected)
}

/** The demo passwords: the built-in default and whatever DEMO_PASSWORD was set to. */
export const isDemoPassword = (password: string, demoPassword: string): boolean =>
  password === DEFAULT_DEMO_PASSWORD || password === demoPassword

export type PasswordProblem = 'demo_password' | 'too_short'

/** Why a new staff password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, demoPassword: string): PasswordProblem | null {
  if (isDemoPassword(password, demoPassword)) return 'demo_password'
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'too_short'
  return null
}
