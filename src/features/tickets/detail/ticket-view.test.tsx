import { render, screen, within } from '@testing-library/react'
import { I18nProvider } from '@/lib/i18n-react'
import { describe, expect, it } from 'vitest'
import { createI18n } from '@/lib/i18n'
import type { HistoryEntry, Ticket } from '../../../../mock-api/contract'
import { TicketView } from './ticket-view'

const REPLY = '已为您办理变更登记，新执照可到3号窗口领取。'
const UNIT = '南宁市市场监督管理局'

const step = (type: string, role: HistoryEntry['role'], extra: Partial<HistoryEntry> = {}) => ({
  at: '2026-03-02T10:00:00+08:00',
  type,
  from: null,
  to: 'accepted' as const,
  role,
  note: null,
  ...extra,
})

const replied: Ticket = {
  id: '00000000-0000-4000-8000-000000000001',
  number: 'GX2603020001',
  code: 'K7M2QA',
  status: 'replied',
  category: 'help',
  title: '营业执照变更',
  createdAt: '2026-03-02T09:00:00+08:00',
  divisionCode: '450103',
  due: null,
  history: [
    step('submit', 'owner'),
    step('accept', 'desk'),
    step('dispatch', 'desk', { unit: UNIT }),
    step('sign', 'unit', { unit: UNIT }),
    step('approve_reply', 'desk', { note: REPLY }),
  ],
  rating: null,
  reply: REPLY,
}

// Issue 17: the timeline never named the unit, and the reply was printed twice.
describe('the ticket as its owner reads it', () => {
  it('names the unit it went to, and prints the reply once', () => {
    render(
      <I18nProvider i18n={createI18n()}>
        <TicketView ticket={replied} />
      </I18nProvider>,
    )
    const timeline = screen.getByRole('list', { name: '办理过程' })
    expect(within(timeline).getByText(`分派至 ${UNIT}`)).toBeInTheDocument()
    expect(within(timeline).getByText(`承办单位签收 · ${UNIT}`)).toBeInTheDocument()
    expect(within(timeline).getByText('受理 · 专席')).toBeInTheDocument()
    expect(screen.getAllByText(REPLY)).toHaveLength(1)
    expect(screen.getByTestId('ticket-reply')).toHaveTextContent(REPLY)
  })
})
