// The owner's choices about being told outside the app: this phone's push subscription (on or off)
// and SMS per ticket. A subscription's endpoint must be a known push service (the server will POST
// to it); anything else is refused before any request is made.
import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { PushSubscriptionInput } from '../contract.js'
import { isAllowedPushEndpoint } from '../domain/push-endpoints.js'
import type { OwnerIdentity } from './owner-identity.js'
import type { Database } from '../storage/database.js'
import {
  deleteDeviceSubscription,
  isTicketSmsOff,
  savePushSubscription,
  setTicketSms,
} from '../storage/push-subscriptions.js'
import { findOwnTicket } from './owner-actions.js'
import { refused } from './refused.js'

type Db = Kysely<Database>

const endpointNotAllowed = () => refused('push_endpoint_not_allowed', 'endpoint')

export async function subscribePush(
  db: Db,
  owner: OwnerIdentity,
  input: PushSubscriptionInput,
  allowedOrigins: readonly string[],
  now: Date,
): Promise<void> {
  if (!isAllowedPushEndpoint(input.endpoint, allowedOrigins)) throw endpointNotAllowed()
  await savePushSubscription(db, {
    id: randomUUID(),
    device_id: owner.deviceId,
    endpoint: input.endpoint,
    p256dh: input.keys.p256dh,
    auth: input.keys.auth,
    locale: input.locale ?? 'zh-CN',
    created_at: now.toISOString(),
  })
}

/** Removes this device's subscription at `endpoint`; removing one that is not there is fine. */
export async function unsubscribePush(
  db: Db,
  owner: OwnerIdentity,
  endpoint: string,
): Promise<void> {
  await deleteDeviceSubscription(db, owner.deviceId, endpoint)
}

// Someone else's ticket reads as missing, as everywhere in the owner's API.
async function ownTicket(db: Db, owner: OwnerIdentity, ticketId: string): Promise<string> {
  return (await findOwnTicket(db, owner.ownerId, ticketId)).id
}

export async function ticketSmsSetting(
  db: Db,
  owner: OwnerIdentity,
  ticketId: string,
): Promise<{ sms: boolean }> {
  const id = await ownTicket(db, owner, ticketId)
  return { sms: !(await isTicketSmsOff(db, id)) }
}

export async function setTicketSmsSetting(
  db: Db,
  owner: OwnerIdentity,
  ticketId: string,
  sms: boolean,
  now: Date,
): Promise<{ sms: boolean }> {
  const id = await ownTicket(db, owner, ticketId)
  await setTicketSms(db, id, sms, now.toISOString())
  return { sms }
}
