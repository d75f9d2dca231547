// The browsers' push subscriptions, one per endpoint, held by a device (and so by its owner).
import type { Kysely, Selectable } from 'kysely'
import type { Database } from './database.js'
import type { PushSubscriptionTable } from './tables-notifications.js'

type Db = Kysely<Database>

export type PushSubscriptionRow = Selectable<PushSubscriptionTable>

/** Saves the subscription; the same endpoint again (renewed keys, another device) replaces it. */
export async function savePushSubscription(db: Db, row: PushSubscriptionRow): Promise<void> {
  await db
    .insertInto('push_subscriptions')
    .values(row)
    .onConflict((oc) =>
      oc.column('endpoint').doUpdateSet({
        device_id: row.device_id,
        p256dh: row.p256dh,
        auth: row.auth,
        locale: row.locale,
      }),
    )
    .execute()
}

/** Removes the device's subscription at `endpoint`; true when there was one. */
export async function deleteDeviceSubscription(
  db: Db,
  deviceId: string,
  endpoint: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('push_subscriptions')
    .where('device_id', '=', deviceId)
    .where('endpoint', '=', endpoint)
    .executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

export async function deletePushSubscription(db: Db, id: string): Promise<void> {
  await db.deleteFrom('push_subscriptions').where('id', '=', id).execute()
}

export function findPushSubscription(db: Db, id: string): Promise<PushSubscriptionRow | undefined> {
  return db.selectFrom('push_subscriptions').selectAll().where('id', '=', id).executeTakeFirst()
}

/** The subscriptions of the owner's devices that are not revoked. */
export function ownerPushSubscriptions(db: Db, ownerId: string): Promise<PushSubscriptionRow[]> {
  return db
    .selectFrom('push_subscriptions')
    .innerJoin('devices', 'devices.id', 'push_subscriptions.device_id')
    .selectAll('push_subscriptions')
    .where('devices.owner_id', '=', ownerId)
    .where('devices.revoked_at', 'is', null)
    .orderBy('push_subscriptions.created_at')
    .execute()
}

export function deviceSubscriptionCount(db: Db, deviceId: string): Promise<number> {
  return db
    .selectFrom('push_subscriptions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('device_id', '=', deviceId)
    .executeTakeFirstOrThrow()
    .then((row) => Number(row.n))
}

export async function setTicketSms(
  db: Db,
  ticketId: string,
  isOn: boolean,
  at: string,
): Promise<void> {
  if (isOn) {
    await db.deleteFrom('ticket_sms_optouts').where('ticket_id', '=', ticketId).execute()
    return
  }
  await db
    .insertInto('ticket_sms_optouts')
    .values({ ticket_id: ticketId, created_at: at })
    .onConflict((oc) => oc.column('ticket_id').doNothing())
    .execute()
}

export async function isTicketSmsOff(db: Db, ticketId: string): Promise<boolean> {
  const row = await db
    .selectFrom('ticket_sms_optouts')
    .select('ticket_id')
    .where('ticket_id', '=', ticketId)
    .executeTakeFirst()
  return row !== undefined
}
