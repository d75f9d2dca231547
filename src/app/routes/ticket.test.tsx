import { screen } from '@testing-library/react'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
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
    await db.settings.clear()
    await db.settings.put({ key: SETTING_DEVICE, value: { deviceId: 'd-1', credential: 'c-1' } })
  })
  afterEach(() => vi.unstubAllGlobals())

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
})
