import { afterEach, describe, expect, it, vi } from 'vitest'
import { notifyChange, toNotification } from './notify'
import type { TicketChange } from '../live/ticket-stream'

const change: TicketChange = {
  ticketId: 't-1',
  type: 'accept',
  status: 'accepted',
  at: '2026-03-02T10:00:00+08:00',
}
const text = { title: '工单 GX1：已受理', body: '受理' }

function allow(permission: NotificationPermission, visibility: DocumentVisibilityState) {
  const shown = vi.fn()
  vi.stubGlobal('Notification', Object.assign(shown, { permission }))
  vi.spyOn(document, 'visibilityState', 'get').mockReturnValue(visibility)
  return shown
}

function registerWorker() {
  const showNotification = vi.fn(() => Promise.resolve())
  const getRegistration = vi.fn(() => Promise.resolve({ active: {}, showNotification }))
  vi.stubGlobal(
    'navigator',
    Object.assign(Object.create(navigator) as Navigator, {
      serviceWorker: { getRegistration },
    }),
  )
  return showNotification
}

describe('ticket notifications', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
  })

  it('carry the ticket’s URL, for the service worker to open on a click', () => {
    const notification = toNotification(change, text, '/tickets/t-1')
    expect(notification.title).toBe('工单 GX1：已受理')
    expect(notification.options).toMatchObject({
      body: '受理',
      tag: 'ticket-t-1',
      data: { url: '/tickets/t-1' },
    })
  })

  it('show through the service worker while the page is hidden', async () => {
    const constructed = allow('granted', 'hidden')
    const showNotification = registerWorker()
    await notifyChange(toNotification(change, text, '/tickets/t-1'))
    expect(showNotification).toHaveBeenCalledWith('工单 GX1：已受理', {
      body: '受理',
      tag: 'ticket-t-1',
      data: { url: '/tickets/t-1' },
    })
    expect(constructed).not.toHaveBeenCalled()
  })

  it('show nothing while the owner looks at the app, or without permission', async () => {
    const showNotification = registerWorker()
    allow('granted', 'visible')
    await notifyChange(toNotification(change, text, '/tickets/t-1'))
    allow('denied', 'hidden')
    await notifyChange(toNotification(change, text, '/tickets/t-1'))
    expect(showNotification).not.toHaveBeenCalled()
  })
})
