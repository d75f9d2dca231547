import { screen, within } from '@testing-library/react'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '@/lib/db'
import { SETTING_DEVICE } from '@/lib/device'
import { createI18n } from '@/lib/i18n'
import { renderRoute } from '@/test/render'
import type { TicketSummary } from '../../../mock-api/contract'
import { paths } from '../paths'

const summary = (
  id: string,
  title: string,
  status: TicketSummary['status'],
  overdue: boolean,
): TicketSummary => ({
  id,
  number: `GX26030200${id.slice(-1)}`,
  code: 'K7M2QA',
  status,
  category: 'help',
  title,
  createdAt: '2026-03-02T09:00:00+08:00',
  divisionCode: '450100',
  due: {
    step: 'handling',
    at: '2026-03-09T24:00:00+08:00',
    lastDay: '2026-03-09',
    provisional: false,
    nearDue: false,
    overdue,
    workingDaysLeft: overdue ? 0 : 4,
  },
  rating: null,
})

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } })

describe('my tickets screen', () => {
  beforeAll(async () => {
    await import('./tickets')
  })
  beforeEach(async () => {
    await db.settings.clear()
  })
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('says that nothing has been sent yet when this phone has never reported', async () => {
    const fetchMock = vi.fn(() => Promise.resolve(new Response(null, { status: 503 })))
    vi.stubGlobal('fetch', fetchMock)
    renderRoute(paths.tickets())
    expect(
      await screen.findByText('这部手机还没有发送过反映，所以还没有工单。'),
    ).toBeInTheDocument()
    expect(fetchMock).not.toHaveBeenCalledWith('/api/tickets', expect.anything())
  })

  async function serveTwoTickets() {
    await db.settings.put({ key: SETTING_DEVICE, value: { deviceId: 'd-1', credential: 'c-1' } })
    const tickets = [
      summary('00000000-0000-4000-8000-000000000001', '门店招牌审批太慢', 'in_progress', false),
      summary('00000000-0000-4000-8000-000000000002', '办证窗口排队太久', 'dispatched', true),
    ]
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string) =>
        Promise.resolve(
          url === '/api/tickets' ? json({ tickets }) : new Response(null, { status: 503 }),
        ),
      ),
    )
  }

  it('lists the tickets with status and deadline, the overdue one first and marked', async () => {
    await serveTwoTickets()
    renderRoute(paths.tickets())

    const links = within(await screen.findByRole('list')).getAllByRole('link')
    expect(links[0]).toHaveTextContent('办证窗口排队太久')
    expect(links[0]).toHaveTextContent('已超期')
    expect(links[0]).toHaveTextContent('已分派')
    expect(links[0]).toHaveAttribute('href', paths.ticket('00000000-0000-4000-8000-000000000002'))
    expect(links[1]).toHaveTextContent('办理中')
    expect(links[1]).toHaveTextContent('剩 4 个工作日')
  })

  it('shows status and deadline in English when the owner chose it', async () => {
    await serveTwoTickets()
    const i18n = createI18n()
    await i18n.changeLanguage('en')
    renderRoute(paths.tickets(), { i18n })

    const links = within(await screen.findByRole('list')).getAllByRole('link')
    expect(links[0]).toHaveTextContent('Dispatched')
    expect(links[0]).toHaveTextContent('Handling due Mar 9 24:00 · Overdue')
    expect(links[1]).toHaveTextContent('In progress')
    expect(links[1]).toHaveTextContent('4 working days left')
  })
})
