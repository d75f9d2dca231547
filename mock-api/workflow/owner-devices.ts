/**
 * A phone opening the app for the first time: a new owner with one device, and the device's
 * credential, returned this once and kept only as its hash.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../storage/database.js'
import { createOwnerDevice } from '../storage/owners.js'

export type NewDevice = { ownerId: string; deviceId: string; credential: string }

export function registerDevice(db: Kysely<Database>, now: Date): Promise<NewDevice> {
  return createOwnerDevice(db, now)
}
