/**
 * Fixed-window counters that survive a restart and are shared by every process on the store
 * (sign-in failures, code and receipt lookups). One upsert opens a window or counts in it,
 * atomically on both dialects, so concurrent requests cannot slip past a limit together.
 */
import type { Kysely } from 'kysely'
import type { Database } from './database.js'

export type LimitRule = {
  /** Hits allowed per window. */
  limit: number
  windowMs: number
  now: Date
}

export type LimitResult = {
  allowed: boolean
  /** Until the window ends, when not allowed; 0 otherwise. */
  retryAfterMs: number
}

type Window = { count: number; window_started_at: string }

function resultOf(window: Window | undefined, rule: LimitRule, allowed: boolean): LimitResult {
  if (allowed || !window) return { allowed: true, retryAfterMs: 0 }
  const endsAt = Date.parse(window.window_started_at) + rule.windowMs
  return { allowed: false, retryAfterMs: Math.max(endsAt - rule.now.getTime(), 0) }
}

const openedBefore = (rule: LimitRule) => new Date(rule.now.getTime() - rule.windowMs).toISOString()

/** Counts one hit under `key`; not allowed once the window holds more than `limit` hits. */
export async function hit(
  db: Kysely<Database>,
  key: string,
  rule: LimitRule,
): Promise<LimitResult> {
  const now = rule.now.toISOString()
  const expiredBefore = openedBefore(rule)
  const window = await db
    .insertInto('rate_limits')
    .values({ key, count: 1, window_started_at: now, blocked_until: null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => {
        const isExpired = eb('rate_limits.window_started_at', '<=', expiredBefore)
        return {
          count: eb
            .case()
            .when(isExpired)
            .then(eb.lit(1))
            .else(eb('rate_limits.count', '+', eb.lit(1)))
            .end(),
          window_started_at: eb
            .case()
            .when(isExpired)
            .then(now)
            .else(eb.ref('rate_limits.window_started_at'))
            .end(),
        }
      }),
    )
    .returning(['count', 'window_started_at'])
    .executeTakeFirstOrThrow()
  return resultOf(window, rule, Number(window.count) <= rule.limit)
}

/** Whether one more hit would be allowed, without counting it. */
export async function peek(
  db: Kysely<Database>,
  key: string,
  rule: LimitRule,
): Promise<LimitResult> {
  const window = await db
    .selectFrom('rate_limits')
    .select(['count', 'window_started_at'])
    .where('key', '=', key)
    .where('window_started_at', '>', openedBefore(rule))
    .executeTakeFirst()
  return resultOf(window, rule, !window || Number(window.count) < rule.limit)
}

/**
 * A limit on guesses: `limit` attempts per window; the next is refused and blocks the key for
 * `stepMs`. Once a block has run out, one attempt is let through and the key blocked again for
 * twice as long (up to `maxBlockMs`), so a person who mistyped gets a try every so often while
 * an attacker's rate falls step by step. The count starts over only after a quiet window.
 */
export type ClaimRule = LimitRule & { stepMs: number; maxBlockMs: number }

export type Lockout = {
  key: string
  count: number
  windowStartedAt: string
  blockedUntil: string | null
}

const blockFor = (rule: ClaimRule, over: number) =>
  Math.min(rule.stepMs * 2 ** Math.min(Math.max(over - 1, 0), 30), rule.maxBlockMs)

/**
 * Counts an attempt *before* the secret is checked, in one atomic upsert, so that concurrent
 * guesses cannot all pass a limit that was only read: the N+1st claim sees N. An attempt while
 * a block runs is refused without counting. The one attempt after a block wins it with a
 * compare-and-set on the block it saw, so parallel attempts cannot all take it. Release the
 * claim when the secret turns out right.
 */
export async function claim(
  db: Kysely<Database>,
  key: string,
  rule: ClaimRule,
): Promise<LimitResult> {
  const now = rule.now.toISOString()
  const quietSince = openedBefore(rule)
  const row = await db
    .insertInto('rate_limits')
    .values({ key, count: 1, window_started_at: now, blocked_until: null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => {
        const isExpired = eb.and([
          eb('rate_limits.window_started_at', '<=', quietSince),
          eb.or([
            eb('rate_limits.blocked_until', 'is', null),
            eb('rate_limits.blocked_until', '<=', quietSince),
          ]),
        ])
        const isBlocked = eb('rate_limits.blocked_until', '>', now)
        return {
          count: eb
            .case()
            .when(isExpired)
            .then(eb.lit(1))
            .when(isBlocked)
            .then(eb.ref('rate_limits.count'))
            .else(eb('rate_limits.count', '+', eb.lit(1)))
            .end(),
          window_started_at: eb
            .case()
            .when(isExpired)
            .then(now)
            .else(eb.ref('rate_limits.window_started_at'))
            .end(),
          blocked_until: eb
            .case()
            .when(isExpired)
            .then(eb.val<string | null>(null))
            .else(eb.ref('rate_limits.blocked_until'))
            .end(),
        }
      }),
    )
    .returning(['count', 'blocked_until'])
    .executeTakeFirstOrThrow()
  const nowMs = rule.now.getTime()
  const seen = row.blocked_until
  if (seen !== null && Date.parse(seen) > nowMs) {
    return { allowed: false, retryAfterMs: Date.parse(seen) - nowMs }
  }
  const over = Number(row.count) - rule.limit
  if (over <= 0) return { allowed: true, retryAfterMs: 0 }
  const blockMs = blockFor(rule, over)
  const until = new Date(nowMs + blockMs).toISOString()
  // After a block ran out, the first to replace it gets its one try; the others wait for it.
  const won = await db
    .updateTable('rate_limits')
    .set({ blocked_until: until })
    .where('key', '=', key)
    .where((eb) =>
      seen === null ? eb('blocked_until', 'is', null) : eb('blocked_until', '=', seen),
    )
    .executeTakeFirst()
  const isTryAfterBlock = seen !== null && Number(won.numUpdatedRows) === 1
  if (isTryAfterBlock) return { allowed: true, retryAfterMs: 0 }
  if (Number(won.numUpdatedRows) === 1) return { allowed: false, retryAfterMs: blockMs }
  const current = await db
    .selectFrom('rate_limits')
    .select('blocked_until')
    .where('key', '=', key)
    .executeTakeFirst()
  const endsAt = current?.blocked_until ? Date.parse(current.blocked_until) : nowMs + blockMs
  return { allowed: false, retryAfterMs: Math.max(endsAt - nowMs, 1000) }
}

/** Gives back one claimed attempt: the secret was right, or a later limit refused it. */
export async function release(db: Kysely<Database>, key: string): Promise<void> {
  await db
    .updateTable('rate_limits')
    .set((eb) => ({ count: eb('count', '-', 1) }))
    .where('key', '=', key)
    .where('count', '>', 0)
    .execute()
}

/** The counters under the given key prefixes, newest window first (for the admin's list). */
export async function listWindows(
  db: Kysely<Database>,
  prefixes: readonly string[],
): Promise<Lockout[]> {
  if (prefixes.length === 0) return []
  const rows = await db
    .selectFrom('rate_limits')
    .select(['key', 'count', 'window_started_at', 'blocked_until'])
    // The prefixes are our own constants, without LIKE wildcards.
    .where((eb) => eb.or(prefixes.map((prefix) => eb('key', 'like', `${prefix}%`))))
    .orderBy('window_started_at', 'desc')
    .limit(1000)
    .execute()
  return rows.map((row) => ({
    key: row.key,
    count: Number(row.count),
    windowStartedAt: row.window_started_at,
    blockedUntil: row.blocked_until,
  }))
}

/** Forgets the hits under `key`, e.g. a user's failures after a successful sign-in. */
export async function reset(db: Kysely<Database>, key: string): Promise<boolean> {
  const result = await db.deleteFrom('rate_limits').where('key', '=', key).executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

/** Deletes windows opened before `before`: housekeeping for the system job. */
export async function forgetWindowsBefore(db: Kysely<Database>, before: Date): Promise<number> {
  const result = await db
    .deleteFrom('rate_limits')
    .where('window_started_at', '<', before.toISOString())
    .where((eb) =>
      eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<', before.toISOString())]),
    )
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}
