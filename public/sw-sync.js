// Background Sync for the outbox, imported into the generated service worker (importScripts in
// vite.config.ts). The worker cannot send the outbox itself: that code (Dexie, the device
// credential, the handlers that write receipts) lives in the page bundle, and duplicating it
// here would mean two senders to keep in step. So on `sync` it wakes the open pages, which flush
// under their Web Lock; with no page open it does nothing and the next app start sends.
/* global self, clients */
const TAG = 'guishang-outbox'
const FLUSH_MESSAGE = 'guishang-outbox-flush'

self.addEventListener('sync', (event) => {
  if (event.tag !== TAG) return
  event.waitUntil(
    clients
      .matchAll({ type: 'window' })
      .then((pages) => pages.forEach((page) => page.postMessage(FLUSH_MESSAGE))),
  )
})
