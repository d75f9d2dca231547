import { describe, expect, it } from 'vitest'
import type { Due, StaffQueueItem } from '../../../../mock-api/contract'
import { laneOf } from './office-board'

const due = (flags: Partial<Due>): Due => ({
  step: 'handling',
  at: '2026-12-03T24:00:00+08:00',
  lastDay: '2026-12-03',
  provisional: false,
  nearDue: false,
  overdue: false,
  workingDaysLeft: 3,
  ...flags,
})

const item = (fields: Partial<StaffQueueItem>): StaffQueueItem => ({
  id: 't1',
  number: 'GX2611260001',
  status: 'in_progress',
  category: 'help',
  title: '标题',
  divisionCode: '450103',
  deskDivisionCode: '450100',
  createdAt: '2026-11-26T09:00:00+08:00',
  due: due({}),
  maskedPhone: '138****1234',
  isSupervised: false,
  isUrged: false,
  confidential: false,
  channel: 'app',
  ...fields,
})

describe('laneOf', () => {
  it('puts a late ticket in the red lane even when it was also urged', () => {
    expect(laneOf(item({ due: due({ overdue: true }), isUrged: true }))).toBe('overdue')
  })

  it('puts a ticket with at most a working day left in the amber lane', () => {
    expect(laneOf(item({ due: due({ nearDue: true, workingDaysLeft: 1 }) }))).toBe('near')
  })

  it('keeps an urged or supervised ticket that is on time in its own lane', () => {
    expect(laneOf(item({ isUrged: true }))).toBe('urged')
    expect(laneOf(item({ isSupervised: true, due: null }))).toBe('urged')
  })

  it('leaves the office’s own decisions (extensions, coordination) last', () => {
    expect(laneOf(item({ status: 'extension_pending' }))).toBe('decisions')
  })
})
