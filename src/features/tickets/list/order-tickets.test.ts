import { describe, expect, it } from 'vitest'
import type { Due, TicketSummary } from '../../../../mock-api/contract'
import { attentionOf, orderTickets } from './order-tickets'

const due = (overdue: boolean): Due => ({
  step: 'handling',
  at: '2026-03-05T24:00:00+08:00',
  lastDay: '2026-03-05',
  provisional: false,
  nearDue: false,
  overdue,
  workingDaysLeft: overdue ? -1 : 3,
})

const ticket = (
  id: string,
  status: TicketSummary['status'],
  day: number,
  isOverdue = false,
): TicketSummary => ({
  id,
  number: `GX${id}`,
  code: 'K7M2QA',
  status,
  category: 'help',
  title: id,
  createdAt: `2026-03-${String(day).padStart(2, '0')}T09:00:00+08:00`,
  divisionCode: '450100',
  due: status === 'closed' ? null : due(isOverdue),
  rating: null,
})

describe('orderTickets', () => {
  it('puts what needs the owner first: to rate, then overdue, then changed, then the rest', () => {
    const tickets = [
      ticket('quiet', 'in_progress', 9),
      ticket('changed', 'in_progress', 8),
      ticket('overdue', 'dispatched', 2, true),
      ticket('rate', 'replied', 1),
      ticket('closed', 'closed', 7),
    ]
    const seen = { quiet: 'in_progress', changed: 'accepted', closed: 'closed' }
    expect(orderTickets(tickets, seen).map((each) => [each.ticket.id, each.attention])).toEqual([
      ['rate', 'rate'],
      ['overdue', 'overdue'],
      ['changed', 'changed'],
      ['quiet', null],
      ['closed', null],
    ])
  })

  it('keeps the newest first within a group', () => {
    const tickets = [ticket('older', 'replied', 1), ticket('newer', 'replied', 3)]
    expect(orderTickets(tickets, {}).map((each) => each.ticket.id)).toEqual(['newer', 'older'])
  })

  it('counts a ticket never opened here as changed once it has left submitted', () => {
    expect(attentionOf(ticket('a', 'submitted', 1), {})).toBeNull()
    expect(attentionOf(ticket('a', 'accepted', 1), {})).toBe('changed')
  })
})
