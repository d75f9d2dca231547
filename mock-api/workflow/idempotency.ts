/**
 * Exactly-once owner actions. The client's id is the key; the parsed body's canonical hash tells a
 * retry (same body: the first response again) from a misuse (another body: 409). The key is
 * claimed inside the action's transaction, before the work, so a concurrent duplicate waits on
 * the primary key and then replays the winner's response instead of acting twice. Only successes
 * are kept: a refused action stores nothing and may be retried.
 */
import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../storage/database.js'
import type { IdempotencyRecord } from '../storage/idempotency.js'
import {
  claimIdempotencyKey,
  findIdempotencyRecord,
  saveIdempotentResponse,
} from '../storage/idempotency.js'
import { isUniqueViolation } from '../storage/unique-violation.js'
import { Refused } from './refused.js'

type Db = Kysely<Database>

export type Response<T> = { status: number; body: T }

const sortKeys = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value === null || typeof value !== 'object') return value
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return Object.fromEntries(entries.map(([key, item]) => [key, sortKeys(item)]))
}

/** SHA-256 of the value as JSON with sorted keys (undefined members dropped). */
export const canonicalHash = (value: unknown): string =>
  createHash('sha256')
    .update(JSON.stringify(sortKeys(value)))
    .digest('hex')

export const idempotencyConflict = (): Refused => new Refused('idempotency_conflict')

function replay(record: IdempotencyRecord, requestHash: string): Response<unknown> {
  if (record.request_hash !== requestHash || record.status === 0) throw idempotencyConflict()
  return { status: record.status, body: JSON.parse(record.body) as unknown }
}

export type IdempotentRequest = { scope: string; key: string; requestHash: string; now: Date }

/** Runs `work` in a transaction once per scope and key; a repeat gets the stored response. */
export async function runOnce(
  db: Db,
  request: IdempotentRequest,
  work: (trx: Db) => Promise<Response<unknown>>,
): Promise<Response<unknown>> {
  const { scope, key, requestHash } = request
  const earlier = await findIdempotencyRecord(db, scope, key)
  if (earlier) return replay(earlier, requestHash)
  try {
    return await db.transaction().execute(async (trx) => {
      await claimIdempotencyKey(trx, { scope, key, requestHash, at: request.now.toISOString() })
      const response = await work(trx)
      await saveIdempotentResponse(trx, scope, key, {
        status: response.status,
        body: JSON.stringify(response.body),
      })
      return response
    })
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    const winner = await findIdempotencyRecord(db, scope, key)
    if (!winner) throw error
    return replay(winner, requestHash)
  }
}
