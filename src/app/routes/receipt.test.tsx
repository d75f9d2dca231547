import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '@/lib/db'
import { renderRoute } from '@/test/render'
import { paths } from '../paths'

describe('receipt screen', () => {
  beforeAll(async () => {
    await import('./receipt')
  })
  beforeEach(async () => {
    await db.receipts.clear()
  })
  afterEach(() => {
    Reflect.deleteProperty(navigator, 'share')
  })

  it('shows the ticket number, the verification code and a QR of both, with what they are for', async () => {
    await db.receipts.put({
      ticketId: 't-1',
      number: 'GX2611250001',
      code: 'K7M2QA',
      title: '办证窗口排队太久',
      category: 'complaint',
      sentAt: Date.UTC(2026, 10, 25, 2, 30),
    })
    renderRoute(paths.receipt('t-1'))

    expect(await screen.findByLabelText('工单号')).toHaveTextContent('GX2611250001')
    expect(screen.getByLabelText('验证码')).toHaveTextContent('K7M2QA')
    expect(
      screen.getByText('用这两项可在任何设备上查询办理进度。请截图或抄下来保存。'),
    ).toBeVisible()
    expect(screen.getByText(/投诉：办证窗口排队太久/)).toBeInTheDocument()
    const qr = await screen.findByRole('img', { name: '工单号和验证码的二维码' })
    const svg = decodeURIComponent(qr.getAttribute('src') ?? '')
    expect(svg).toMatch(/^data:image\/svg\+xml;charset=utf-8,<svg /)
  })

  // Issue 17: the number is the one thing to copy; sharing sends number, code and link at once.
  it('copies the ticket number, and shares number, code and look-up link where the phone can', async () => {
    await db.receipts.put({
      ticketId: 't-1',
      number: 'GX2611250001',
      code: 'K7M2QA',
      title: '办证窗口排队太久',
      category: 'complaint',
      sentAt: Date.UTC(2026, 10, 25, 2, 30),
    })
    const user = userEvent.setup()
    const share = vi.fn(() => Promise.resolve())
    Object.defineProperty(navigator, 'share', { configurable: true, value: share })
    renderRoute(paths.receipt('t-1'))

    await user.click(await screen.findByRole('button', { name: '复制工单号' }))
    expect(await navigator.clipboard.readText()).toBe('GX2611250001')
    expect(screen.getByText('工单号已复制。')).toBeVisible()

    await user.click(screen.getByRole('button', { name: '分享' }))
    expect(share).toHaveBeenCalledWith({
      title: '回执',
      text: '工单号 GX2611250001，验证码 K7M2QA',
      url: `${location.origin}${paths.receiptLookup('GX2611250001', 'K7M2QA')}`,
    })
  })

  it('offers no share button where the phone cannot share', async () => {
    await db.receipts.put({
      ticketId: 't-1',
      number: 'GX2611250001',
      code: 'K7M2QA',
      title: '办证窗口排队太久',
      category: 'complaint',
      sentAt: Date.UTC(2026, 10, 25, 2, 30),
    })
    renderRoute(paths.receipt('t-1'))
    expect(await screen.findByRole('button', { name: '复制工单号' })).toBeVisible()
    expect(screen.queryByRole('button', { name: '分享' })).not.toBeInTheDocument()
  })

  it('says so when this phone has no such receipt', async () => {
    renderRoute(paths.receipt('unknown'))
    expect(await screen.findByText('这部手机上没有这份回执。')).toBeInTheDocument()
  })
})
