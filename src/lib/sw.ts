/**
 * The service worker's lifecycle as the app sees it; the only importer of workbox-window.
 * A new version waits until the owner chooses to reload (the SW never skips waiting on its own),
 * so a form is never swapped out under someone typing. The first install takes control at once
 * (clientsClaim), which is what makes the first visit work offline. Update checks run when the
 * page becomes visible, when it comes back online and every hour; a test can also call
 * `(await navigator.serviceWorker.getRegistration()).update()` itself.
 */
import { useSyncExternalStore } from 'react'
import { hasServiceWorker } from './capabilities'

const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000

// workbox-window (2 KB) loads after the first paint, not with the entry chunk.
async function createWorkbox() {
  const { Workbox } = await import('workbox-window')
  return new Workbox(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL })
}

let workbox: Awaited<ReturnType<typeof createWorkbox>> | undefined
let registration: ServiceWorkerRegistration | undefined
let isRegistering = false
let isUpdateReady = false
let isReloadRequested = false
const listeners = new Set<() => void>()

/**
 * Whether this page can be opened again offline: `unavailable` where the browser has no service
 * worker (WeChat's and Alipay's in-app browsers on iPhone) or refused to register one (private
 * mode, a blocking policy); `unknown` until registration has run (and always in development).
 */
export type OfflineSupport = 'unknown' | 'available' | 'unavailable'
let offlineSupport: OfflineSupport = hasServiceWorker() ? 'unknown' : 'unavailable'

const notifyListeners = () => listeners.forEach((listener) => listener())

function setOfflineSupport(next: OfflineSupport): void {
  if (offlineSupport === next) return
  offlineSupport = next
  notifyListeners()
}

function markUpdateReady(): void {
  if (isUpdateReady) return
  isUpdateReady = true
  notifyListeners()
}

// workbox-window stops listening for `updatefound` after the first update it calls external,
// so every later version is also watched here, straight on the registration.
function watchInstalls(reg: ServiceWorkerRegistration): void {
  if (reg.waiting && navigator.serviceWorker.controller) markUpdateReady()
  reg.addEventListener('updatefound', () => {
    const installing = reg.installing
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed' && navigator.serviceWorker.controller) {
        markUpdateReady()
      }
    })
  })
}

/** Asks the server for a newer service worker; offline or unregistered, it does nothing. */
export async function checkForUpdate(): Promise<void> {
  if (!registration || !navigator.onLine) return
  try {
    await registration.update()
  } catch {
    // A failed check (offline, server restarting) is retried at the next trigger.
  }
}

function scheduleUpdateChecks(): void {
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void checkForUpdate()
  })
  window.addEventListener('online', () => void checkForUpdate())
  window.setInterval(() => void checkForUpdate(), UPDATE_CHECK_INTERVAL_MS)
}

/**
 * Registers /sw.js once, in production builds and where service workers exist. Never rejects:
 * without a worker the app still works online and keeps everything in IndexedDB; only opening
 * it offline is lost, which `useOfflineSupport` tells the owner.
 */
export async function registerServiceWorker(): Promise<void> {
  if (isRegistering || !import.meta.env.PROD) return
  if (!hasServiceWorker()) {
    setOfflineSupport('unavailable')
    return
  }
  isRegistering = true
  try {
    registration = await registerWithWorkbox()
  } catch (error) {
    console.warn('service worker registration failed', error)
    registration = undefined
  }
  if (!registration) {
    setOfflineSupport('unavailable')
    return
  }
  setOfflineSupport('available')
  watchInstalls(registration)
  scheduleUpdateChecks()
}

async function registerWithWorkbox(): Promise<ServiceWorkerRegistration | undefined> {
  const wb = await createWorkbox()
  workbox = wb
  // A page loaded without a controller got its code from the network; only a page that an
  // older worker served can be left running old code when a new worker takes over.
  const wasControlled = Boolean(navigator.serviceWorker.controller)
  wb.addEventListener('waiting', markUpdateReady)
  wb.addEventListener('controlling', () => {
    if (isReloadRequested) window.location.reload()
    // Another tab let a new version take over: this page still runs the old code.
    else if (wasControlled) markUpdateReady()
  })
  return wb.register()
}

/** Lets the waiting version take over, then reloads; drafts are already in IndexedDB. */
export function applyUpdate(): void {
  isReloadRequested = true
  if (workbox && registration?.waiting) workbox.messageSkipWaiting()
  else window.location.reload()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** True once a new version is installed and waiting for the owner to reload. */
export function useIsUpdateReady(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => isUpdateReady,
    () => false,
  )
}

/** Whether a service worker keeps this app openable offline (see OfflineSupport). */
export function useOfflineSupport(): OfflineSupport {
  return useSyncExternalStore(
    subscribe,
    () => offlineSupport,
    () => 'unknown',
  )
}

/** The Background Sync tag; public/sw-sync.js answers it by asking open pages to flush. */
export const BACKGROUND_SYNC_TAG = 'guishang-outbox'
/** What public/sw-sync.js posts to every open page when the browser fires `sync`. */
export const FLUSH_MESSAGE = 'guishang-outbox-flush'

type SyncRegistration = ServiceWorkerRegistration & {
  sync?: { register(tag: string): Promise<void> }
}

/**
 * Asks the browser for a `sync` event once it is online again (Chromium only: iOS and Firefox
 * have no Background Sync, so the page's own online/visible triggers are the real mechanism).
 * Without a controlling service worker (dev, first load) it does nothing.
 */
export async function requestBackgroundSync(): Promise<void> {
  if (!hasServiceWorker() || !navigator.serviceWorker.controller) return
  const reg = (await navigator.serviceWorker.ready) as SyncRegistration
  try {
    await reg.sync?.register(BACKGROUND_SYNC_TAG)
  } catch {
    // Refused (permission policy, private mode): the page triggers still work.
  }
}

/** Calls `listener` whenever the service worker relays a Background Sync to this page. */
export function onBackgroundSync(listener: () => void): () => void {
  if (!hasServiceWorker()) return () => {}
  const onMessage = (event: MessageEvent<unknown>) => {
    if (event.data === FLUSH_MESSAGE) listener()
  }
  const container = navigator.serviceWorker
  container.addEventListener('message', onMessage)
  return () => container.removeEventListener('message', onMessage)
}
