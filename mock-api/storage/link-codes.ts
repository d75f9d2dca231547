/**
 * One-time codes that move a device to the owner of a contact phone. A code is 6 digits, so its
 * hash is keyed (HMAC with the server secret and the code's own id): a copy of the store cannot
 * look codes up in a table of all million. Only the newest code of a device counts.
 */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto'
import type { Kysely, Selectable } from 'kysely'
import type { Database } from './database.js'
import type { LinkCodeTable } from './tables-owners.js'

type Db = Kysely<Database>

export type LinkCodeRow = Selectable<LinkCodeTable>

export const hashLinkCode = (secret: string, id: string, code: string): string =>
  createHmac('sha256', secret).update(`guishang:link:${id}:`).update(code).digest('hex')

export type NewLinkCode = {
  deviceId: string
  ownerId: string
  phoneHash: string
  code: string
  now: Date
  expiresAt: Date
}

export function linkCodeMatches(secret: string, link: LinkCodeRow, code: string): boolean {
  const given = Buffer.from(hashLinkCode(secret, link.id, code), 'hex')
  return timingSafeEqual(given, Buffer.from(link.code_hash, 'hex'))
}

/** Stores a new code for the device and retires its earlier ones. */
export async function issueLinkCode(db: Db, secret: string, link: NewLinkCode): Promise<string> {
  const id = randomUUID()
  const at = link.now.toISOString()
  await db
    .updateTable('link_codes')
    .set({ consumed_at: at })
    .where('device_id', '=', link.deviceId)
    .where('consumed_at', 'is', null)
    .execute()
  await db
    .insertInto('link_codes')
    .values({
      id,
      device_id: link.deviceId,
      owner_id: link.ownerId,
      phone_hash: link.phoneHash,
      code_hash: hashLinkCode(secret, id, link.code),
      created_at: at,
      expires_at: link.expiresAt.toISOString(),
      consumed_at: null,
    })
    .execute()
  return id
}

/** The device's outstanding (not consumed) code for this phone. */
export function activeLinkCode(
  db: Db,
  deviceId: string,
  phoneHash: string,
): Promise<LinkCodeRow | undefined> {
  return db
    .selectFrom('link_codes')
    .selectAll()
    .where('device_id', '=', deviceId)
    .where('phone_hash', '=', phoneHash)
    .where('consumed_at', 'is', null)
    .executeTakeFirst()
}

/**
 * Claims one attempt at the code before it is compared, atomically: the attempts made so far,
 * this one included, or null when `max` were already made (parallel tries cannot share a slot).
 */
export async function claimLinkAttempt(db: Db, id: string, max: number): Promise<number | null> {
  const row = await db
    .updateTable('link_codes')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('attempts', '<', max)
    .returning('attempts')
    .executeTakeFirst()
  return row ? Number(row.attempts) : null
}

/** Marks the code used; false when another request consumed it first. */
export async function consumeLinkCode(db: Db, id: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('link_codes')
    .set({ consumed_at: now.toISOString() })
    .where('id', '=', id)
    .where('consumed_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
