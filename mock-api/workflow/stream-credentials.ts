/**
 * Whether the credential an event stream was opened with still holds. An owner's stream holds
 * while its device is live and still belongs to the owner whose tickets it carries (a device
 * link moves a device to another owner). A staff stream holds while its session does, on an
 * account with the same role and scope, and at most until the session's expiry.
 */
import type { Kysely } from 'kysely'
import type { Clock } from '../app.js'
import type { Database } from '../storage/database.js'
import { findLiveDeviceById } from '../storage/live-devices.js'
import { findSession } from '../storage/staff-sessions.js'
import type { StaffMember } from './staff-scope.js'
import type { StreamGrant } from './stream-tokens.js'

/** Held: until when at most (epoch ms; null when only a revocation ends it). */
export type Validity = { isHeld: true; expiresAtMs: number | null } | { isHeld: false }
export type CredentialCheck = () => Promise<Validity>

const REVOKED: Validity = { isHeld: false }

export function ownerStreamCheck(db: Kysely<Database>, grant: StreamGrant): CredentialCheck {
  return async () => {
    const device = await findLiveDeviceById(db, grant.deviceId)
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
