// Shows a Web Push message as a notification, imported into the generated service worker
// (importScripts in vite.config.ts). The server sends JSON `{ ticketId, number, status, title,
// body, url }` (mock-api/workflow/notification-sender.ts); the notification's `data.url` is what
// sw-notification-click.js opens. Browsers require a visible notification for every push
// (userVisibleOnly), so a message that cannot be read still shows a plain one. One notification
// per ticket: a newer message about it replaces the older. Wrapped in a function because every
// script the worker imports shares one global scope.
/* global self */
;(() => {
  const FALLBACK = { title: '桂商码', body: '您反映的问题有新进展，请打开查看。' }

  // Only this app's own pages: a message's link never sends the owner elsewhere.
  const sameOriginUrl = (url) => {
    if (typeof url !== 'string') return null
    try {
      const parsed = new URL(url, self.location.origin)
      return parsed.origin === self.location.origin ? parsed.href : null
    } catch {
      return null
    }
  }

  const readMessage = (data) => {
    try {
      const message = data ? data.json() : null
      return message && typeof message === 'object' ? message : {}
    } catch {
      return {}
    }
  }

  self.addEventListener('push', (event) => {
    const message = readMessage(event.data)
    const title =
      typeof message.title === 'string' && message.title ? message.title : FALLBACK.title
    const body = typeof message.body === 'string' && message.body ? message.body : FALLBACK.body
    const ticketId = typeof message.ticketId === 'string' ? message.ticketId : null
    const url = sameOriginUrl(message.url) ?? new URL('tickets', self.registration.scope).href
    event.waitUntil(
      self.registration.showNotification(title, {
        body,
        tag: ticketId ? `ticket-${ticketId}` : 'guishang',
        data: { url },
        icon: new URL('icon-192.png', self.registration.scope).href,
      }),
    )
  })
})()
