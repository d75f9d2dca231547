/**
 * Owners, their devices, contact phones and businesses. The store never holds a credential or a
 * phone number in clear: devices keep the SHA-256 of their credential (32 random bytes, so a
 * plain hash is enough), owner_phones a keyed HMAC of the normalised phone, which a copy of the
 * store cannot reverse by hashing all 10^11 numbers without the secret.
 */
import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { BusinessKind } from '../contract.js'
import type { Database } from './database.js'
import { prepareQuery } from './prepared-query.js'

type Db = Kysely<Database>

export type DeviceIdentity = { ownerId: string; deviceId: string; lastSeenAt: string | null }

export const hashCredential = (credential: string): string =>
  createHash('sha256').update(credential).digest('hex')

/** Digits only: `0771-1234567` and `07711234567` are one phone. */
export const normalizePhone = (phone: string): string => phone.replace(/\D/g, '')

export const hashPhone = (secret: string, phone: string): string =>
  createHmac('sha256', secret).update('guishang:phone:').update(normalizePhone(phone)).digest('hex')

/** A new owner with one device; the credential is returned once and stored only hashed. */
export async function createOwnerDevice(
  db: Db,
  now: Date,
): Promise<{ ownerId: string; deviceId: string; credential: string }> {
  const ownerId = randomUUID()
  const deviceId = randomUUID()
  const credential = randomBytes(32).toString('base64url')
  const at = now.toISOString()
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('owners').values({ id: ownerId, created_at: at }).execute()
    await trx
      .insertInto('devices')
      .values({
        id: deviceId,
        owner_id: ownerId,
        credential_hash: hashCredential(credential),
        created_at: at,
        last_seen_at: at,
        revoked_at: null,
      })
      .execute()
  })
  return { ownerId, deviceId, credential }
}

/** The live (not revoked) device holding this credential. */
export function findDevice(db: Db, credential: string): Promise<DeviceIdentity | undefined> {
  return findDeviceByHash(db, hashCredential(credential))
}

const deviceByHashQuery = prepareQuery(
  ['credentialHash'],
  (db: Db, v: { credentialHash: string }) =>
    db
      .selectFrom('devices')
      .select(['id', 'owner_id', 'last_seen_at'])
      .where('credential_hash', '=', v.credentialHash)
      .where('revoked_at', 'is', null),
)

export async function findDeviceByHash(
  db: Db,
  credentialHash: string,
): Promise<DeviceIdentity | undefined> {
  const [row] = await deviceByHashQuery(db, { credentialHash })
  return row && { ownerId: row.owner_id, deviceId: row.id, lastSeenAt: row.last_seen_at }
}

export async function touchDevice(db: Db, deviceId: string, now: Date): Promise<void> {
  await db
    .updateTable('devices')
    .set({ last_seen_at: now.toISOString() })
    .where('id', '=', deviceId)
    .execute()
}

export async function moveDevice(db: Db, deviceId: string, ownerId: string): Promise<void> {
  await db.updateTable('devices').set({ owner_id: ownerId }).where('id', '=', deviceId).execute()
}

const rememberPhoneQuery = prepareQuery(
  ['ownerId', 'phoneHash', 'at'],
  (db: Db, v: { ownerId: string; phoneHash: string; at: string }) =>
    db
      .insertInto('owner_phones')
      .values({ owner_id: v.ownerId, phone_hash: v.phoneHash, created_at: v.at })
      .onConflict((oc) => oc.columns(['owner_id', 'phone_hash']).doNothing()),
)

export async function rememberPhone(
  db: Db,
  ownerId: string,
  phoneHash: string,
  now: Date,
): Promise<void> {
  await rememberPhoneQuery(db, { ownerId, phoneHash, at: now.toISOString() })
}

/** The owner who most recently reported with this phone, if any. */
export async function ownerOfPhone(db: Db, phoneHash: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('owner_phones')
    .select('owner_id')
    .where('phone_hash', '=', phoneHash)
    .orderBy('created_at', 'desc')
    .executeTakeFirst()
  return row?.owner_id
}

export type BusinessInput = { name: string; creditCode: string; kind: BusinessKind }

/** Inserts or refreshes the owner's business with this credit code; returns its id. */
const upsertBusinessQuery = prepareQuery(
  ['id', 'ownerId', 'creditCode', 'name', 'kind', 'at'],
  (
    db: Db,
    v: {
      id: string
      ownerId: string
      creditCode: string
      name: string
      kind: BusinessKind
      at: string
    },
  ) =>
    db
      .insertInto('businesses')
      .values({
        id: v.id,
        owner_id: v.ownerId,
        credit_code: v.creditCode,
        name: v.name,
        kind: v.kind,
        created_at: v.at,
        updated_at: v.at,
      })
      .onConflict((oc) =>
        oc
          .columns(['owner_id', 'credit_code'])
          .doUpdateSet({ name: v.name, kind: v.kind, updated_at: v.at }),
      )
      .returning('id'),
)

export async function upsertBusiness(
  db: Db,
  ownerId: string,
  business: BusinessInput,
  now: Date,
): Promise<string> {
  const [row] = await upsertBusinessQuery(db, {
    id: randomUUID(),
    ownerId,
    creditCode: business.creditCode,
    name: business.name,
    kind: business.kind,
    at: now.toISOString(),
  })
  if (!row) throw new Error('the business upsert returned no row')
  return row.id
}

export async function countLiveDevices(db: Db, ownerId: string): Promise<number> {
  const row = await db
    .selectFrom('devices')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('owner_id', '=', ownerId)
    .where('revoked_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Hands an owner's contact phones to another owner (keeping the other's own). */
export async function copyPhones(db: Db, fromOwner: string, toOwner: string): Promise<void> {
  const phones = await db
    .selectFrom('owner_phones')
    .select(['phone_hash', 'created_at'])
    .where('owner_id', '=', fromOwner)
    .execute()
  for (const phone of phones) {
    await db
      .insertInto('owner_phones')
      .values({ owner_id: toOwner, phone_hash: phone.phone_hash, created_at: phone.created_at })
      .onConflict((oc) => oc.columns(['owner_id', 'phone_hash']).doNothing())
      .execute()
  }
}
