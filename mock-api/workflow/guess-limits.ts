/**
 * Limits on guessing a secret (a staff password, a receipt's code), made to hurt the guesser more
 * than the person guessed at. Each attempt is claimed before the secret is checked (atomically,
 * so parallel guesses cannot share one free slot) and given back when the secret was right.
 * The narrowest key comes first: a (subject, address) pair locks after a few failures with a
 * delay that starts short and doubles step by step, so one attacker's address locks only itself;
 * the subject's own, larger limit then holds guesses spread over many addresses, and a per-address
 * limit holds one address trying many subjects. An admin may list and clear them (lockouts.ts).
 */
import type { Kysely } from 'kysely'
import type { Database } from '../storage/database.js'
import type { ClaimRule, LimitResult } from '../storage/rate-limits.js'
import { claim, release, reset } from '../storage/rate-limits.js'

const MINUTE_MS = 60_000
const HOUR_MS = 60 * MINUTE_MS

export type GuessRule = Omit<ClaimRule, 'now'> & {
  /** Key prefix in rate_limits; also what the admin's list calls it. */
  prefix: string
}

/** Failed staff sign-ins (RATE_LIMITS=off lifts them). */
export const SIGN_IN_RULES = {
  /** One username from one address: a person mistyping, or one attacker. */
  pair: {
    prefix: 'signin:pair:',
    limit: 5,
    windowMs: 15 * MINUTE_MS,
    stepMs: MINUTE_MS,
    maxBlockMs: HOUR_MS,
  },
  /** One username from anywhere: guesses spread over many addresses. */
  username: {
    prefix: 'signin:user:',
    limit: 30,
    windowMs: 15 * MINUTE_MS,
    stepMs: MINUTE_MS,
    maxBlockMs: 15 * MINUTE_MS,
  },
  /** One address trying many usernames. */
  address: {
    prefix: 'signin:addr:',
    limit: 20,
    windowMs: 15 * MINUTE_MS,
    stepMs: MINUTE_MS,
    maxBlockMs: HOUR_MS,
  },
} as const satisfies Record<string, GuessRule>

/** Wrong receipt codes (the code has 31^6 values, so these leave guessing hopeless). */
export const RECEIPT_RULES = {
  pair: {
    prefix: 'receipt:pair:',
    limit: 10,
    windowMs: HOUR_MS,
    stepMs: MINUTE_MS,
    maxBlockMs: HOUR_MS,
  },
  number: {
    prefix: 'receipt:number:',
    limit: 30,
    windowMs: HOUR_MS,
    stepMs: MINUTE_MS,
    maxBlockMs: HOUR_MS,
  },
  address: {
    prefix: 'receipt:addr:',
    limit: 50,
    windowMs: HOUR_MS,
    stepMs: MINUTE_MS,
    maxBlockMs: HOUR_MS,
  },
} as const satisfies Record<string, GuessRule>

export const GUESS_RULES: readonly GuessRule[] = [
  ...Object.values(SIGN_IN_RULES),
  ...Object.values(RECEIPT_RULES),
]

export type Guess = { rule: GuessRule; subject: string }
export type GuessClaim =
  { allowed: true; keys: readonly string[] } | { allowed: false; retryAfterMs: number }

const keyOf = ({ rule, subject }: Guess) => `${rule.prefix}${subject}`

/**
 * Claims one attempt under each guess in order; on the first refusal gives back the ones already
 * claimed (an attempt that was never checked costs nothing elsewhere) and says how long to wait.
 */
export async function claimGuess(
  db: Kysely<Database>,
  guesses: readonly Guess[],
  now: Date,
): Promise<GuessClaim> {
  const claimed: string[] = []
  for (const guess of guesses) {
    const key = keyOf(guess)
    const result: LimitResult = await claim(db, key, { ...guess.rule, now })
    if (!result.allowed) {
      for (const earlier of claimed) await release(db, earlier)
      return { allowed: false, retryAfterMs: result.retryAfterMs }
    }
    claimed.push(key)
  }
  return { allowed: true, keys: claimed }
}

/**
 * The secret was right: the pair's failures are forgotten (it is the person), the wider counters
 * only get this attempt back, so a success does not hand an attacker a fresh allowance.
 */
export async function settleRightGuess(
  db: Kysely<Database>,
  claimed: GuessClaim & { allowed: true },
  pairPrefix: string,
): Promise<void> {
  for (const key of claimed.keys) {
    if (key.startsWith(pairPrefix)) await reset(db, key)
    else await release(db, key)
  }
}

/** A pair key's subject: the subject and the address, unambiguous whatever either holds. */
export const pairSubject = (subject: string, address: string) =>
  `${encodeURIComponent(subject)}@${address}`

/**
 * The guesses at one receipt (number + code), narrowest first: one address guessing at one number
 * locks itself long before the number's own limit keeps its owner out. Shared by the receipt
 * look-up and the claim, since both guess the same code.
 */
export const receiptGuesses = (number: string, address: string): Guess[] => [
  { rule: RECEIPT_RULES.address, subject: address },
  { rule: RECEIPT_RULES.pair, subject: pairSubject(number, address) },
  { rule: RECEIPT_RULES.number, subject: number },
]
