import { render, screen } from '@testing-library/react'
import { I18nProvider } from '@/lib/i18n-react'
import { describe, expect, it } from 'vitest'
import type { StaffHistoryEntry } from '../../../../mock-api/contract'
import { createI18n } from '@/lib/i18n'
import { TicketHistory } from './ticket-history'

const entry = (seq: number, type: string, internalNote: string): StaffHistoryEntry => ({
  seq,
  at: `2026-12-07T10:0${seq}:00+08:00`,
  type,
  from: 'in_progress',
  to: type === 'reply' ? 'reply_review' : 'in_progress',
  role: 'unit',
  note: null,
  internalNote,
  actorName: '南宁市市场监督管理局',
  data: {},
})

describe('TicketHistory', () => {
  it('shows the unit’s reply as its reply, apart from private notes (issue 17)', () => {
    render(
      <I18nProvider i18n={createI18n()}>
        <TicketHistory
          history={[
            entry(1, 'contact', '已电话联系经营主体。'),
            entry(2, 'escalate', '需要消防部门配合。'),
            entry(3, 'reply', '经核查，变更登记已办结。'),
          ]}
        />
      </I18nProvider>,
    )
    expect(screen.getByText('承办单位答复（待审核）：经核查，变更登记已办结。')).toBeVisible()
    expect(screen.getByText('联系情况：已电话联系经营主体。')).toBeVisible()
    expect(screen.getByText('内部备注：需要消防部门配合。')).toBeVisible()
    expect(screen.queryByText(/内部备注：经核查/)).toBeNull()
  })
})
