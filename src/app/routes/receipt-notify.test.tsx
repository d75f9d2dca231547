import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '@/lib/db'
import { renderRoute } from '@/test/render'
import { paths } from '../paths'

const ASK = '工单有进展时通知我'

/** A browser that has never asked this site for notifications. */
function neverAsked() {
  const requestPermission = vi.fn(() => Promise.resolve<NotificationPermission>('granted'))
  vi.stubGlobal(
    'Notification',
    Object.assign(vi.fn(), { permission: 'default', requestPermission }),
  )
  return requestPermission
}

describe('asking for notifications', () => {
  beforeAll(async () => {
    await import('./receipt')
  })
  beforeEach(async () => {
    await db.receipts.clear()
  })
  afterEach(() => vi.unstubAllGlobals())

  it('never happens at the first visit', async () => {
    const requestPermission = neverAsked()
    renderRoute(paths.home())
    expect(await screen.findByRole('heading', { level: 1 })).toBeVisible()
    expect(screen.queryByRole('button', { name: ASK })).not.toBeInTheDocument()
    expect(requestPermission).not.toHaveBeenCalled()
  })

  it('is offered once the report is sent, and asks only when the owner says so', async () => {
    const requestPermission = neverAsked()
    await db.receipts.put({
      ticketId: 't-1',
      number: 'GX2611250001',
      code: 'K7M2QA',
      title: '办证窗口排队太久',
      category: 'complaint',
      sentAt: Date.UTC(2026, 10, 25, 2, 30),
    })
    const user = userEvent.setup()
    renderRoute(paths.receipt('t-1'))

    const ask = await screen.findByRole('button', { name: ASK })
    expect(requestPermission).not.toHaveBeenCalled()
    await user.click(ask)
    expect(requestPermission).toHaveBeenCalledTimes(1)
    expect(screen.queryByRole('button', { name: ASK })).not.toBeInTheDocument()
  })

  // Issue 17: the button silently disappeared when the owner refused.
  it('says what happened when the owner refuses, and what still works', async () => {
    const permission = { value: 'default' as NotificationPermission }
    const requestPermission = vi.fn(() => {
      permission.value = 'denied'
      return Promise.resolve(permission.value)
    })
    const notification = Object.assign(vi.fn(), { requestPermission })
    Object.defineProperty(notification, 'permission', { get: () => permission.value })
    vi.stubGlobal('Notification', notification)
    await db.receipts.put({
      ticketId: 't-1',
      number: 'GX2611250001',
      code: 'K7M2QA',
      title: '办证窗口排队太久',
      category: 'complaint',
      sentAt: Date.UTC(2026, 10, 25, 2, 30),
    })
    const user = userEvent.setup()
    renderRoute(paths.receipt('t-1'))
    await user.click(await screen.findByRole('button', { name: ASK }))

    const said = await screen.findByText(/^通知没有打开/)
    expect(said).toHaveTextContent('工单有进展时仍会发短信到您留的联系电话')
    expect(said).toHaveTextContent('我的工单')
    expect(screen.queryByRole('button', { name: ASK })).not.toBeInTheDocument()
  })

  it('asks nothing where the browser has no Notification, and names SMS as the channel', async () => {
    // jsdom, like WeChat's and Alipay's in-app browsers, has no Notification.
    await db.receipts.put({
      ticketId: 't-1',
      number: 'GX2611250001',
      code: 'K7M2QA',
      title: '办证窗口排队太久',
      category: 'complaint',
      sentAt: Date.UTC(2026, 10, 25, 2, 30),
    })
    renderRoute(paths.receipt('t-1'))
    expect(
      await screen.findByText('这个浏览器不能显示通知。工单有进展时，会发短信到您留的联系电话。'),
    ).toBeVisible()
    expect(screen.queryByRole('button', { name: ASK })).not.toBeInTheDocument()
  })
})
