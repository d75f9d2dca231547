/**
 * Limits on requests a real person never reaches (code look-ups per address, new devices, reports
 * and link codes per device): each request is one hit in a fixed window, counted atomically in the
 * store, so every process shares it and a restart forgets nothing. The HTTP edge answers a request
 * over its limit with 429 and Retry-After, and skips the count when RATE_LIMITS=off.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../storage/database.js'
import type { LimitResult } from '../storage/rate-limits.js'
import { hit } from '../storage/rate-limits.js'

/** Hits allowed per window. */
export type RequestLimit = { limit: number; windowMs: number }

/** Allowed or not and, when not, how long until the window ends. */
export type RequestCount = LimitResult

/** Counts one request under `key`; not allowed once the window holds more than the limit. */
export function countRequest(
  db: Kysely<Database>,
  key: string,
  limit: RequestLimit,
  now: Date,
): Promise<RequestCount> {
  return hit(db, key, { ...limit, now })
}
