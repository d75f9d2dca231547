/**
 * This phone's Web Push subscription: the server sends progress on the owner's tickets to it
 * when the app is closed (issue 15). Needs a service worker with a PushManager and the
 * Notification permission; many Android phones in China have no push service at all, so
 * `subscribe` fails there, and SMS to the contact phone is then the only channel.
 */
import { pushKeySchema } from '../../../../mock-api/contract'
import { hasNotification } from '@/lib/capabilities'
import { request } from '@/lib/http'
import { ownerPost, ownerSend } from '../common/owner-api'
import { type PushState, pushRegistration } from './push-state'

export { type PushState, pushState } from './push-state'

const keyBytes = (base64url: string): Uint8Array<ArrayBuffer> => {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/')
  const binary = atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '='))
  return Uint8Array.from(binary, (char) => char.charCodeAt(0))
}

/**
 * Subscribes this phone (asking for the notification permission if never asked) and tells the
 * server. Resolves to the state reached: `unsupported` when the browser has no push service.
 */
export async function subscribePush(locale: string): Promise<PushState> {
  const registration = await pushRegistration()
  if (!registration || !hasNotification()) return 'unsupported'
  const permission =
    Notification.permission === 'default'
      ? await Notification.requestPermission()
      : Notification.permission
  if (permission !== 'granted') return permission === 'denied' ? 'blocked' : 'off'
  const { publicKey } = pushKeySchema.parse((await request<unknown>({ path: '/push/key' })).body)
  let subscription: PushSubscription
  try {
    subscription = await registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: keyBytes(publicKey),
    })
  } catch {
    // No push service reachable (no Google services, a blocked vendor service): SMS it is.
    return 'unsupported'
  }
  await ownerPost('/push/subscriptions', {
    ...subscription.toJSON(),
    locale: locale === 'en' ? 'en' : 'zh-CN',
  })
  return 'on'
}

/** Stops push on this phone: the server forgets the endpoint, the browser drops it. */
export async function unsubscribePush(): Promise<PushState> {
  const registration = await pushRegistration()
  const subscription = await registration?.pushManager.getSubscription()
  if (subscription) {
    await ownerSend('DELETE', '/push/subscriptions', { endpoint: subscription.endpoint })
    await subscription.unsubscribe()
  }
  return registration ? 'off' : 'unsupported'
}
