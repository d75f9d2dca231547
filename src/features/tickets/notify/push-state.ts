/**
 * Where this phone's push stands, asked without the server: the home screen shows the switch
 * with only this module, and the subscribe/unsubscribe code (push-subscription.ts, with the
 * contract, zod and Dexie behind it) loads when the owner flips it.
 */
import { hasNotification, hasPushManager } from '@/lib/capabilities'

/** unsupported: no push service here; blocked: notifications refused; off/on: this phone's choice. */
export type PushState = 'unsupported' | 'blocked' | 'off' | 'on'

/** How long a first visit waits for the worker to register before saying there is no push. */
const READY_WAIT_MS = 5000

export async function pushRegistration(): Promise<ServiceWorkerRegistration | null> {
  if (!hasPushManager()) return null
  const existing = await navigator.serviceWorker.getRegistration()
  if (existing) return existing
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), READY_WAIT_MS))
  return Promise.race([navigator.serviceWorker.ready, timeout])
}

export async function pushState(): Promise<PushState> {
  const registration = await pushRegistration()
  if (!registration || !hasNotification()) return 'unsupported'
  if (Notification.permission === 'denied') return 'blocked'
  const subscription = await registration.pushManager.getSubscription().catch(() => null)
  return subscription && Notification.permission === 'granted' ? 'on' : 'off'
}
