/**
 * This phone's device credential: registered with `POST /api/devices` the first time a request
 * needs it, kept in the `settings` table, sent as `Authorization: Bearer <credential>`. A 401
 * means the server no longer knows it (a reset database, a revoked device): `replaceCredential`
 * registers again, once per rejected credential even when several requests (or tabs) see the 401.
 */
import { deviceCredentialSchema } from '../../mock-api/contract'
import { db } from './db'
import { DEVICE_REGISTERED_EVENT, SETTING_DEVICE } from './device-probe'
import { request } from './http'

export { SETTING_DEVICE }

let registering: Promise<string> | null = null

/** The stored credential, or null when this phone has never registered (nothing is sent). */
export async function storedCredential(): Promise<string | null> {
  const parsed = deviceCredentialSchema.safeParse((await db.settings.get(SETTING_DEVICE))?.value)
  return parsed.success ? parsed.data.credential : null
}

function register(): Promise<string> {
  registering ??= (async () => {
    try {
      const { body } = await request<unknown>({ method: 'POST', path: '/devices' })
      const device = deviceCredentialSchema.parse(body)
      await db.settings.put({ key: SETTING_DEVICE, value: device })
      window.dispatchEvent(new Event(DEVICE_REGISTERED_EVENT))
      return device.credential
    } finally {
      registering = null
    }
  })()
  return registering
}

/** The stored credential, registering this device first if it has none. */
export async function deviceCredential(): Promise<string> {
  return (await storedCredential()) ?? register()
}

/**
 * A new credential after `rejected` got a 401. If another request or tab already replaced it,
 * that newer one is returned instead of registering yet another device.
 */
export async function replaceCredential(rejected: string): Promise<string> {
  const current = await storedCredential()
  if (current !== null && current !== rejected) return current
  return register()
}

/** The header that names this device to the API. */
export function authorization(credential: string): Record<string, string> {
  return { authorization: `Bearer ${credential}` }
}
