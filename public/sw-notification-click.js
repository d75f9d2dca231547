// Opens the ticket a notification is about, imported into the generated service worker
// (importScripts in vite.config.ts). The page puts the ticket's URL in the notification's
// `data.url` (src/features/tickets/notify/notify.ts). An open owner page is focused and sent there, so
// the app does not open twice; with none, a new window opens. Staff console pages are left
// alone: an owner's notification never takes over a desk's screen. Wrapped in a function because
// every script the worker imports shares one global scope.
/* global self, clients */
;(() => {
  const staffPath = () => new URL('staff', self.registration.scope).pathname

  // Only this app's own pages: a notification's data never sends the owner elsewhere.
  const targetOf = (data) => {
    if (!data || typeof data.url !== 'string') return null
    const url = new URL(data.url, self.location.origin)
    return url.origin === self.location.origin ? url.href : null
  }

  const pickOwnerWindow = (windows, target) => {
    const owners = windows.filter((each) => !new URL(each.url).pathname.startsWith(staffPath()))
    return (
      owners.find((each) => each.url === target) ??
      owners.find((each) => each.focused) ??
      owners.find((each) => each.visibilityState === 'visible') ??
      owners[0] ??
      null
    )
  }

  const open = async (target) => {
    const windows = await clients.matchAll({ type: 'window', includeUncontrolled: true })
    const page = pickOwnerWindow(windows, target)
    if (!page) return clients.openWindow(target)
    const focused = await page.focus()
    if (focused.url === target) return focused
    try {
      return await focused.navigate(target)
    } catch {
      // navigate() works only on pages this worker controls (not one opened before it installed).
      return clients.openWindow(target)
    }
  }

  self.addEventListener('notificationclick', (event) => {
    event.notification.close()
    const target = targetOf(event.notification.data)
    if (target !== null) event.waitUntil(open(target))
  })
})()
