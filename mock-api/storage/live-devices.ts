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

/** Live devices among `deviceIds` (revoked and unknown ones are absent), by id. */
export async function findLiveDevicesByIds(
  db: Kysely<Database>,
  deviceIds: readonly string[],
): Promise<Map<string, LiveDevice>> {
  if (deviceIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('devices')
    .select(['id', 'owner_id'])
    .where('id', 'in', [...deviceIds])
    .where('revoked_at', 'is', null)
    .execute()
  return new Map(rows.map((row) => [row.id, { ownerId: row.owner_id, deviceId: row.id }]))
}
