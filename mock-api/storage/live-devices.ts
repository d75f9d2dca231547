// A device by its id, for credentials that name the device instead of carrying its secret
// (stream tokens). Revoked devices are not found.
import type { Kysely } from 'kysely'
import type { Database } from './database.js'

export type LiveDevice = { ownerId: string; deviceId: string }

export async function findLiveDeviceById(
  db: Kysely<Database>,
  deviceId: string,
): Promise<LiveDevice | undefined> {
  const row = await db
    .selectFrom('devices')
    .select(['id', 'owner_id'])
    .where('id', '=', deviceId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return row && { ownerId: row.owner_id, deviceId: row.id }
}
