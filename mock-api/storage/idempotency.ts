// Idempotency records: the response a client's key got the first time, per scope (e.g.
// `ticket:<id>:rating`), kept so a retried request gets the same answer.
import type { Kysely, Selectable } from 'kysely'
import type { Database } from './database.js'
import type { IdempotencyRecordTable } from './tables-staff.js'

type Db = Kysely<Database>

export type IdempotencyRecord = Selectable<IdempotencyRecordTable>

export function findIdempotencyRecord(
  db: Db,
  scope: string,
  key: string,
): Promise<IdempotencyRecord | undefined> {
  return db
    .selectFrom('idempotency_records')
    .selectAll()
    .where('scope', '=', scope)
    .where('key', '=', key)
    .executeTakeFirst()
}

/** Claims the key before the work; a concurrent claim of the same key fails on the primary key. */
export async function claimIdempotencyKey(
  db: Db,
  record: { scope: string; key: string; requestHash: string; at: string },
): Promise<void> {
  await db
    .insertInto('idempotency_records')
    .values({
      scope: record.scope,
      key: record.key,
      request_hash: record.requestHash,
      status: 0,
      body: '',
      created_at: record.at,
    })
    .execute()
}

export async function saveIdempotentResponse(
  db: Db,
  scope: string,
  key: string,
  response: { status: number; body: string },
): Promise<void> {
  await db
    .updateTable('idempotency_records')
    .set({ status: response.status, body: response.body })
    .where('scope', '=', scope)
    .where('key', '=', key)
    .execute()
}
