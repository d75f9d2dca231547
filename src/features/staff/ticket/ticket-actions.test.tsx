import { QueryClientProvider } from '@tanstack/react-query'
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { I18nProvider } from '@/lib/i18n-react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { StaffTicket } from '../../../../mock-api/contract'
import { createI18n } from '@/lib/i18n'
import { createQueryClient } from '@/lib/query-client'
import { TicketActions } from './ticket-actions'

const TICKET: StaffTicket = {
  id: '3f1c1f8e-8d7a-4a53-9a55-1d1d7f0b2a11',
  number: 'GX2611260001',
  status: 'submitted',
  category: 'help',
  title: '营业执照变更太慢',
  createdAt: '2026-11-26T09:00:00+08:00',
  divisionCode: '450103',
  due: null,
  rating: null,
  description: '两周没有回复。',
  deskDivisionCode: '450100',
  updatedAt: '2026-11-26T09:00:00+08:00',
  history: [],
  units: [],
  confidential: false,
  identityHidden: false,
  business: { name: '测试商行', creditCode: null, kind: 'individual', creditCodeUnverified: false },
  contact: { name: '黄先生', phone: '13800001234' },
  servicePoint: null,
  isSupervised: false,
  lastUrgedAt: null,
  rehandleCount: 0,
  requestedUntil: null,
  pendingReply: null,
  reply: null,
  allowedEvents: ['accept', 'refuse', 'transfer'],
  channel: 'app',
  registeredBy: null,
  handedDown: null,
  businessVerified: false,
}

const bodyOf = (init: RequestInit | undefined): unknown =>
  typeof init?.body === 'string' ? JSON.parse(init.body) : undefined

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' },
  })

function renderActions(ticket: StaffTicket = TICKET) {
  return render(
    <I18nProvider i18n={createI18n()}>
      <QueryClientProvider client={createQueryClient()}>
        <TicketActions ticket={ticket} />
      </QueryClientProvider>
    </I18nProvider>,
  )
}

describe('TicketActions', () => {
  const fetchMock = vi.fn<typeof fetch>()
  beforeEach(() => {
    fetchMock.mockReset()
    vi.stubGlobal('fetch', fetchMock)
  })
  afterEach(() => vi.unstubAllGlobals())

  it('shows exactly the events the API allows: the main one first, destructive ones last in red', () => {
    renderActions()
    const buttons = screen.getAllByRole('button')
    expect(buttons.map((button) => button.textContent)).toEqual([
      '受理',
      '转至其他专席',
      '不予受理',
    ])
    expect(buttons.map((button) => button.className)).toEqual([
      expect.stringContaining('gs-btn--primary'),
      expect.stringContaining('gs-btn--secondary'),
      expect.stringContaining('gs-btn--danger'),
    ])
  })

  it('asks before refusing, naming the consequence, and sends nothing when the clerk backs out', async () => {
    const user = userEvent.setup()
    renderActions()
    await user.click(screen.getByRole('button', { name: '不予受理' }))
    await user.selectOptions(
      screen.getByRole('combobox', { name: '不予受理依据' }),
      '不属于政府职责范围',
    )
    await user.click(screen.getByRole('button', { name: '确认不予受理' }))
    const dialog = screen.getByRole('alertdialog', { name: '不予受理这件反映？' })
    expect(dialog).toHaveAccessibleDescription(/反映人会收到不予受理的告知.*不能撤销/)
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('alertdialog')).toBeNull()
    expect(fetchMock).not.toHaveBeenCalled()
    // The form is still there, filled in, for another go.
    expect(screen.getByRole('combobox', { name: '不予受理依据' })).toHaveValue('not_government')
  })

  it('sends a double-clicked action once, with an idempotency key, and says what it did', async () => {
    let answer: (response: Response) => void = () => {}
    fetchMock.mockReturnValue(new Promise((resolve) => (answer = resolve)))
    renderActions()
    await userEvent.dblClick(screen.getByRole('button', { name: '受理' }))
    answer(json(200, { ...TICKET, status: 'accepted', allowedEvents: ['dispatch'] }))

    expect(await screen.findByText('已受理。')).toHaveAttribute('role', 'status')
    expect(fetchMock).toHaveBeenCalledTimes(1)
    const [url, init] = fetchMock.mock.calls[0] ?? []
    expect(url).toBe(`/api/staff/tickets/${TICKET.id}/events`)
    expect(bodyOf(init)).toEqual({ type: 'accept' })
    expect((init?.headers as Record<string, string>)['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('keeps the form open and says why when a required field is empty', async () => {
    renderActions()
    await userEvent.click(screen.getByRole('button', { name: '不予受理' }))
    await userEvent.click(screen.getByRole('button', { name: '确认不予受理' }))
    expect(screen.getByRole('combobox', { name: '不予受理依据' })).toHaveAttribute(
      'aria-invalid',
      'true',
    )
    expect(screen.getByText('请填写这一项')).toBeInTheDocument()
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('shows the server’s refusal in its own words', async () => {
    fetchMock.mockResolvedValue(
      json(409, {
        type: 'about:blank',
        title: 'Conflict',
        status: 409,
        message: {
          zh: '工单当前状态不能进行此操作。',
          en: 'The ticket is not in a state that allows this.',
        },
      }),
    )
    renderActions()
    await userEvent.click(screen.getByRole('button', { name: '不予受理' }))
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: '不予受理依据' }),
      '属于110、119、120等紧急事项',
    )
    await userEvent.click(screen.getByRole('button', { name: '确认不予受理' }))
    await userEvent.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: '不予受理' }),
    )

    expect(await screen.findByRole('alert')).toHaveTextContent('工单当前状态不能进行此操作。')
    expect(bodyOf(fetchMock.mock.calls[0]?.[1])).toEqual({
      type: 'refuse',
      basis: '属于110、119、120等紧急事项',
    })
    expect(screen.getByRole('button', { name: '确认不予受理' })).toBeEnabled()
  })

  it('offers a termination only the business’s earlier handled tickets: the server refuses later ones', async () => {
    const user = userEvent.setup()
    fetchMock.mockResolvedValue(json(200, { units: [] }))
    const record = (
      number: string,
      createdAt: string,
      status: 'replied' | 'closed' | 'in_progress',
    ) => ({
      id: `t-${number}`,
      number,
      title: `事项 ${number}`,
      status,
      createdAt,
    })
    renderActions({
      ...TICKET,
      status: 'in_progress',
      allowedEvents: ['terminate'],
      businessRecord: [
        record('GX2611200001', '2026-11-20T09:00:00+08:00', 'closed'),
        record('GX2611250002', '2026-11-26T00:59:59.000Z', 'replied'),
        record('GX2611260003', '2026-11-26T01:00:01.000Z', 'replied'),
        record('GX2611270004', '2026-11-27T09:00:00+08:00', 'closed'),
        record('GX2611190005', '2026-11-19T09:00:00+08:00', 'in_progress'),
        // Filed in the same second (the API's times are to the second): may be earlier, offered.
        record('GX2611260006', '2026-11-26T09:00:00+08:00', 'replied'),
      ],
    })
    await user.click(screen.getByRole('button', { name: '终结办理' }))
    const choices = within(screen.getByRole('group', { name: /已依法答复或办结/ }))
      .getAllByRole('checkbox')
      .map((box) => box.closest('label')?.textContent ?? '')
    expect(choices).toEqual([
      expect.stringContaining('GX2611200001'),
      expect.stringContaining('GX2611250002'),
      expect.stringContaining('GX2611260006'),
    ])
  })
})
