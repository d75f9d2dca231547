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
