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

/** Forgets the hits under `key`, e.g. a user's failures after a successful sign-in. */
export async function reset(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('key', '=', key).execute()
}

/** Deletes windows opened before `before`: housekeeping for the system job. */
export async function forgetWindowsBefore(db: Kysely<Database>, before: Date): Promise<number> {
  const result = await db
    .deleteFrom('rate_limits')
    .where('window_started_at', '<', before.toISOString())
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}
