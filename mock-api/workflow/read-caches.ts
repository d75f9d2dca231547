/**
 * The process's read caches, one per app: the two reads every owner request makes. Each is emptied
 * by any commit to the store (read-cache.ts); on PostgreSQL, as told by its change feed.
 */
import type { DbHandle } from '../storage/database.js'
import type { DeviceIdentity } from '../storage/owners.js'
import type { ReadCache } from '../storage/read-cache.js'
import { createReadCache } from '../storage/read-cache.js'
import type { OwnerTicketBase } from './ticket-views.js'

export type ReadCaches = {
  /** Live devices by credential hash. */
  devices: ReadCache<DeviceIdentity>
  /** The clock-free part of a ticket's owner view, by ticket id. */
  ownerTickets: ReadCache<OwnerTicketBase>
}

export function createReadCaches(db: Pick<DbHandle, 'dataVersion'>): ReadCaches {
  return {
    devices: createReadCache(db.dataVersion, 10_000),
    ownerTickets: createReadCache(db.dataVersion, 2_000),
  }
}
