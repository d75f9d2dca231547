// The notification outbox: insert-once, claim with a lease, record the outcome. Every write takes
// the caller's transaction (or the store's write queue); the sender decides, this module only knows
// how. Instants are ISO text, so text comparison is time comparison.
import type { Insertable, Kysely, Selectable } from 'kysely'
import type { Database, Dialect } from './database.js'
import type { NotificationChannel, NotificationTable } from './tables-notifications.js'

type Db = Kysely<Database>

export type NotificationRow = Selectable<NotificationTable>
export type NewNotification = Insertable<NotificationTable>

/** Inserts the rows that are not there yet (same dedupe key, channel and recipient); returns how many. */
export async function insertNotifications(
  db: Db,
  rows: readonly NewNotification[],
): Promise<number> {
  if (rows.length === 0) return 0
  const result = await db
    .insertInto('notifications')
    .values([...rows])
    .onConflict((oc) => oc.columns(['dedupe_key', 'channel', 'recipient']).doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0)
}

export type Claim = { now: string; leaseUntil: string; claimant: string; limit: number }

/**
 * Takes up to `limit` rows that are due (pending and past not_before, or sending with a lease run
 * out) and leases them to `claimant`. On PostgreSQL the candidates are locked with FOR UPDATE SKIP
 * LOCKED, so two instances claiming at once get disjoint rows; SQLite has one writer, so the
 * select and update inside one write transaction cannot interleave with another claim.
 */
export async function claimDueNotifications(
  trx: Db,
  dialect: Dialect,
  claim: Claim,
): Promise<NotificationRow[]> {
  let candidates = trx
    .selectFrom('notifications')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('not_before', '<=', claim.now)]),
        eb.and([eb('status', '=', 'sending'), eb('claimed_until', '<=', claim.now)]),
      ]),
    )
    .orderBy('not_before')
    .limit(claim.limit)
  if (dialect === 'postgres') candidates = candidates.forUpdate().skipLocked()
  const ids = (await candidates.execute()).map((row) => row.id)
  if (ids.length === 0) return []
  return trx
    .updateTable('notifications')
    .set({
      status: 'sending',
      claimed_by: claim.claimant,
      claimed_until: claim.leaseUntil,
      updated_at: claim.now,
    })
    .where('id', 'in', ids)
    .returningAll()
    .execute()
}

export type Outcome =
  | { status: 'sent'; answer: string; at: string }
  | { status: 'failed' | 'dropped'; answer: string; at: string; attempted: boolean }
  | { status: 'pending'; notBefore: string; answer: string | null; at: string; attempted: boolean }

/** Records what became of a claimed row; a no-op when the claim was lost to another sender. */
export async function settleNotification(
  db: Db,
  id: string,
  claimant: string,
  outcome: Outcome,
): Promise<boolean> {
  const attempted = outcome.status === 'sent' || outcome.attempted
  const result = await db
    .updateTable('notifications')
    .set((eb) => ({
      status: outcome.status,
      answer: outcome.answer,
      attempts: attempted ? eb('attempts', '+', 1) : eb.ref('attempts'),
      not_before: outcome.status === 'pending' ? outcome.notBefore : eb.ref('not_before'),
      sent_at: outcome.status === 'sent' ? outcome.at : null,
      claimed_by: null,
      claimed_until: null,
      updated_at: outcome.at,
    }))
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .where('claimed_by', '=', claimant)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/**
 * SMS to this phone sent since `since`, or being sent right now by another sender (their claim,
 * not ours: our own claimed rows are not sent yet): the daily cap counts both.
 */
export async function countSmsSince(
  db: Db,
  phone: string,
  since: string,
  claimant: string,
): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('channel', '=', 'sms' satisfies NotificationChannel)
    .where('recipient', '=', phone)
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'sent'), eb('sent_at', '>=', since)]),
        eb.and([eb('status', '=', 'sending'), eb('claimed_by', '!=', claimant)]),
      ]),
    )
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export function recentNotifications(db: Db, limit: number): Promise<NotificationRow[]> {
  return db
    .selectFrom('notifications')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute()
}

export async function countFailedNotifications(db: Db): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'failed')
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Replied tickets whose rating window is still open and ends before `until`: reminder candidates. */
export function ratingWindowsEndingBefore(
  db: Db,
  now: string,
  until: string,
  limit: number,
): Promise<Selectable<Database['tickets']>[]> {
  return db
    .selectFrom('tickets')
    .selectAll()
    .where('status', '=', 'replied')
    .where('due_step', '=', 'rating')
    .where('due_at', '>', now)
    .where('due_at', '<=', until)
    .orderBy('due_at')
    .limit(limit)
    .execute()
}
