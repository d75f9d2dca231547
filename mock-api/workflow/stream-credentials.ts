/**
 * Whether the credential an event stream was opened with still holds. An owner's stream holds
 * while its device is live and still belongs to the owner whose tickets it carries (a device
 * link moves a device to another owner). A staff stream holds while its session does, on an
 * account with the same role and scope, and at most until the session's expiry.
 */
import type { Kysely } from 'kysely'
import type { Clock } from '../deps/clock.js'
import type { Database } from '../storage/database.js'
import type { LiveDevice } from '../storage/live-devices.js'
import { findLiveDevicesByIds } from '../storage/live-devices.js'
import { findSession } from '../storage/staff-sessions.js'
import type { StaffMember } from './staff-scope.js'
import type { StreamGrant } from './stream-tokens.js'

/** Held: until when at most (epoch ms; null when only a revocation ends it). */
export type Validity = { isHeld: true; expiresAtMs: number | null } | { isHeld: false }
export type CredentialCheck = () => Promise<Validity>

const REVOKED: Validity = { isHeld: false }

/** Looks up live devices by id; lookups asked for in the same turn share one query. */
export type DeviceLookup = (deviceId: string) => Promise<LiveDevice | undefined>

const BATCH = 500

/**
 * Every owner stream re-checks its device at each heartbeat, and the heartbeats of a process
 * beat together: one query per 500 streams instead of one per stream (5,000 idle streams made
 * over 300 queries a second, docs/scale.md). Each lookup still reads the store after it was
 * asked for, so a revocation committed before is seen.
 */
export function batchedDeviceLookup(db: Kysely<Database>): DeviceLookup {
  let waiting = new Map<string, ((device: LiveDevice | undefined) => void)[]>()
  let failures: ((error: unknown) => void)[] = []
  let isScheduled = false

  async function flush(): Promise<void> {
    const batch = waiting
    const rejecters = failures
    waiting = new Map()
    failures = []
    isScheduled = false
    const ids = [...batch.keys()]
    try {
      for (let start = 0; start < ids.length; start += BATCH) {
        const chunk = ids.slice(start, start + BATCH)
        const found = await findLiveDevicesByIds(db, chunk)
        for (const id of chunk) for (const resolve of batch.get(id) ?? []) resolve(found.get(id))
      }
    } catch (error) {
      for (const reject of rejecters) reject(error)
    }
  }

  return (deviceId) =>
    new Promise((resolve, reject) => {
      waiting.set(deviceId, [...(waiting.get(deviceId) ?? []), resolve])
      failures.push(reject)
      if (isScheduled) return
      isScheduled = true
      setImmediate(() => void flush())
    })
}

export function ownerStreamCheck(devices: DeviceLookup, grant: StreamGrant): CredentialCheck {
  return async () => {
    const device = await devices(grant.deviceId)
    return device?.ownerId === grant.ownerId ? { isHeld: true, expiresAtMs: null } : REVOKED
  }
}

export function staffStreamCheck(
  deps: { db: Kysely<Database>; clock: Clock },
  sessionToken: string,
  staff: StaffMember,
): CredentialCheck {
  return async () => {
    const session = await findSession(deps.db, sessionToken, deps.clock.now())
    const account = session?.account
    const isSameAccess =
      account?.id === staff.id &&
      account.role === staff.role &&
      account.divisionCode === staff.divisionCode &&
      account.unitId === staff.unitId
    return session && isSameAccess
      ? { isHeld: true, expiresAtMs: session.expiresAt.getTime() }
      : REVOKED
  }
}
