/**
 * What this browser can do, asked of the browser itself. WeChat's and Alipay's in-app browsers
 * (on iPhone a WKWebView) have no service worker, no Notification and no PushManager, and many
 * Android phones in China have no push service: every feature that needs one of these asks here
 * first and loses only itself when the answer is no. The user agent is never consulted here: it
 * may word a hint (see in-app-browser detection), it never turns a feature off.
 */
export const hasServiceWorker = (): boolean =>
  typeof navigator !== 'undefined' &&
  'serviceWorker' in navigator &&
  navigator.serviceWorker !== undefined &&
  navigator.serviceWorker !== null

export const hasNotification = (): boolean =>
  typeof globalThis !== 'undefined' && typeof globalThis.Notification === 'function'

export const hasPushManager = (): boolean =>
  hasServiceWorker() && typeof globalThis.PushManager === 'function'

/**
 * What the owner cannot have in this browser, for the one hint that says so. Without a working
 * service worker there is neither offline opening nor push, so notifications go with it.
 * `offline` is what service worker registration found (lib/sw.ts: `useOfflineSupport`).
 */
export type MissingCapabilities = 'none' | 'notifications' | 'offline-and-notifications'

export function missingCapabilities(
  offline: 'unknown' | 'available' | 'unavailable',
): MissingCapabilities {
  if (offline === 'unavailable') return 'offline-and-notifications'
  if (!hasNotification() || !hasPushManager()) return 'notifications'
  return 'none'
}
