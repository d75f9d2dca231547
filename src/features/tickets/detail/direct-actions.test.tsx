import { QueryClientProvider } from '@tanstack/react-query'
import { render, screen } from '@testing-library/react'
import { I18nProvider } from '@/lib/i18n-react'
import { describe, expect, it } from 'vitest'
import { createI18n } from '@/lib/i18n'
import { createQueryClient } from '@/lib/query-client'
import type { Ticket } from '../../../../mock-api/contract'
import { UrgeAction, WithdrawAction } from './direct-actions'

const ticket = (actions: Partial<NonNullable<Ticket['actions']>>, urgeAvailableAt: string | null) =>
  ({
    id: '00000000-0000-4000-8000-000000000001',
    number: 'GX2603020001',
    code: 'K7M2QA',
    status: 'dispatched',
    category: 'help',
    title: '门店招牌审批太慢',
    createdAt: '2026-03-02T09:00:00+08:00',
    divisionCode: '450100',
    due: null,
    history: [],
    rating: null,
    actions: { withdraw: false, urge: false, rate: false, addMaterial: true, ...actions },
    urgeAvailableAt,
  }) satisfies Ticket

function renderActions(value: Ticket) {
  render(
    <I18nProvider i18n={createI18n()}>
      <QueryClientProvider client={createQueryClient()}>
        <UrgeAction ticket={value} />
        <WithdrawAction ticket={value} />
      </QueryClientProvider>
    </I18nProvider>,
  )
}

describe('urging and withdrawing', () => {
  it('before the step is overdue, offers no urge but says when it becomes possible', () => {
    renderActions(ticket({}, '2026-03-06T00:00:00+08:00'))
    expect(screen.queryByRole('button', { name: '催办' })).not.toBeInTheDocument()
    expect(screen.getByText('3月6日 00:00 后可以催办。')).toBeInTheDocument()
  })

  it('once the server allows it, offers the urge button', () => {
    renderActions(ticket({ urge: true }, '2026-03-06T00:00:00+08:00'))
    expect(screen.getByRole('button', { name: '催办' })).toBeEnabled()
    expect(screen.queryByText(/后可以催办/)).not.toBeInTheDocument()
  })

  it('offers to withdraw only while the server allows it (before acceptance)', () => {
    renderActions(ticket({ withdraw: true }, null))
    expect(screen.getByRole('button', { name: '撤回反映' })).toBeInTheDocument()
  })

  it('offers no withdrawal once a desk accepted', () => {
    renderActions(ticket({ withdraw: false }, null))
    expect(screen.queryByRole('button', { name: '撤回反映' })).not.toBeInTheDocument()
  })
})
