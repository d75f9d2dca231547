import { screen, within } from '@testing-library/react'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { enqueue } from '@/features/sync/outbox'
import { writeCached } from '@/features/tickets/common/ticket-cache'
import { db } from '@/lib/db'
import { SETTING_DEVICE } from '@/lib/device'
import { renderRoute } from '@/test/render'
import type { Ticket } from '../../../mock-api/contract'
import { paths } from '../paths'

const TICKET_ID = '00000000-0000-4000-8000-000000000001'

const accepted: Ticket = {
  id: TICKET_ID,
  number: 'GX2603020001',
  code: 'K7M2QA',
  status: 'accepted',
  category: 'help',
  title: '门店招牌审批太慢',
  createdAt: '2026-03-02T09:00:00+08:00',
  divisionCode: '450100',
  due: null,
  history: [
    {
      at: '2026-03-02T09:00:00+08:00',
      type: 'submit',
      from: null,
      to: 'submitted',
      role: 'owner',
      note: null,
    },
    {
      at: '2026-03-02T10:00:00+08:00',
      type: 'accept',
      from: 'submitted',
      to: 'accepted',
      role: 'desk',
      note: null,
    },
  ],
  rating: null,
}

describe('ticket screen', () => {
  beforeAll(async () => {
    await import('./ticket')
  })
  beforeEach(async () => {
    await db.outbox.clear()
    await db.settings.clear()
    await db.settings.put({ key: SETTING_DEVICE, value: { deviceId: 'd-1', credential: 'c-1' } })
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
  })

  it('offline, shows the copy kept on the phone, marked with when it was fetched', async () => {
    // Fetched at 10:30 China time on 2 March; the server cannot be reached now.
    await writeCached(`one:${TICKET_ID}`, accepted, Date.parse('2026-03-02T10:30:00+08:00'))
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    )
    renderRoute(paths.ticket(TICKET_ID))

    expect(await screen.findByText('离线：显示的是 3月2日 10:30 的状态')).toHaveClass(
      'gs-updated--offline',
    )
    expect(screen.getByTestId('ticket-status')).toHaveTextContent('已受理')
    expect(screen.getByRole('heading', { level: 1, name: '门店招牌审批太慢' })).toBeVisible()
  })

  // Issue 17: "有 N 项操作已保存在这部手机上，联网后自动发送。" stood in a warning box of its own,
  // under the offline banner that says the phone is offline, naming neither action. Each action
  // now says what waits of it, in its own place, once.
  it('offline, says what waits in the outbox once, in the place of the action that put it there', async () => {
    const replied: Ticket = {
      ...accepted,
      status: 'replied',
      reply: '已处理。',
      actions: { withdraw: false, urge: false, rate: true, addMaterial: true },
    }
    await writeCached(`one:${TICKET_ID}`, replied, Date.parse('2026-03-02T10:30:00+08:00'))
    const path = (action: string) => `/tickets/${TICKET_ID}/${action}`
    const json = (value: object) => ({ kind: 'json' as const, value })
    await enqueue({ method: 'POST', path: path('rating'), body: json({ resolved: 'yes' }) })
    await enqueue({ method: 'POST', path: path('materials'), body: json({ text: '照片' }) })
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    )
    renderRoute(paths.ticket(TICKET_ID))

    const actions = await screen.findByRole('region', { name: '我可以' })
    expect(await within(actions).findByText('评价已保存，联网后自动发送。')).toBeVisible()
    const material = within(actions).getByRole('form', { name: '补充材料' })
    expect(within(material).getByRole('status')).toHaveTextContent(
      '补充材料已保存，联网后自动发送。',
    )
    expect(screen.queryByText(/项操作已保存/)).not.toBeInTheDocument()
    expect(screen.getAllByText(/联网后自动发送/)).toHaveLength(2)
    expect(screen.getByText('当前离线')).toBeVisible()
  })
})
