import { describe, expect, it } from 'vitest'
import type { TicketFacts } from './statistics.js'
import { computeStatistics, groupKeyOf, ratesOf } from './statistics.js'
import { groupLabelOf } from './statistics-labels.js'
import { cityDivisions, periodOf } from './statistics-period.js'
import { topicOf } from './topics.js'

const facts = (overrides: Partial<TicketFacts> = {}): TicketFacts => ({
  category: 'help',
  divisionCode: '450103',
  leadUnitId: 'nanning-amr',
  status: 'submitted',
  createdAt: new Date('2026-02-13T02:00:00Z'),
  acceptedAt: null,
  repliedAt: null,
  acceptanceResult: null,
  handlingResult: null,
  rating: null,
  workingDaysToClose: null,
  topic: null,
  ...overrides,
})

const accepted = { acceptedAt: new Date('2026-02-13T03:00:00Z') }
const rated = (
  resolved: 'yes' | 'partly' | 'no' | null,
  satisfaction: 'satisfied' | 'basic' | 'dissatisfied' | 'none',
): Partial<TicketFacts> => ({ ...accepted, status: 'closed', rating: { resolved, satisfaction } })

describe('ratesOf', () => {
  it('gives null rates, never NaN, when nothing is in a denominator', () => {
    expect(ratesOf([])).toEqual({
      count: 0,
      responseRate: null,
      onTimeAcceptanceRate: null,
      onTimeHandlingRate: null,
      resolutionRate: null,
      satisfactionRate: null,
      averageWorkingDaysToClose: null,
      topTopics: [],
    })
    // One withdrawn ticket: counted, but no response base.
    expect(ratesOf([facts({ status: 'withdrawn' })])).toMatchObject({
      count: 1,
      responseRate: null,
    })
  })

  it('counts accepted or answered tickets over all but the withdrawn for the response rate', () => {
    const tickets = [
      facts({ status: 'withdrawn' }),
      facts(),
      facts({ status: 'not_accepted' }),
      facts({ ...accepted, status: 'accepted' }),
      facts({ ...accepted, status: 'replied', repliedAt: new Date('2026-02-14T00:00:00Z') }),
    ]
    // 2 responded of 4 not withdrawn.
    expect(ratesOf(tickets).responseRate).toBe(0.5)
  })

  it('takes on-time rates over the recorded step results only', () => {
    const tickets = [
      facts({ acceptanceResult: 'on_time', handlingResult: 'on_time' }),
      facts({ acceptanceResult: 'on_time', handlingResult: 'late' }),
      facts({ acceptanceResult: 'late' }),
      facts(),
    ]
    expect(ratesOf(tickets)).toMatchObject({
      onTimeAcceptanceRate: 0.6667,
      onTimeHandlingRate: 0.5,
    })
  })

  it('asks resolution of help, complaint and report only, over tickets rated by a person', () => {
    const tickets = [
      facts({ category: 'help', ...rated('yes', 'satisfied') }),
      facts({ category: 'complaint', ...rated('partly', 'basic') }),
      facts({ category: 'report', ...rated('no', 'dissatisfied') }),
      facts({ category: 'help', ...rated(null, 'none') }),
      facts({ category: 'consultation', ...rated('yes', 'satisfied') }),
      facts({ category: 'suggestion', ...rated('no', 'satisfied') }),
    ]
    // help yes, complaint partly, report no → 1 of 3; 'none' and the other categories stay out.
    expect(ratesOf(tickets).resolutionRate).toBe(0.3333)
  })

  it('counts satisfied and basically satisfied over rated tickets, excluding none', () => {
    const tickets = [
      facts(rated('yes', 'satisfied')),
      facts(rated('yes', 'basic')),
      facts(rated('partly', 'basic')),
      facts(rated('no', 'dissatisfied')),
      facts(rated(null, 'none')),
      facts(rated(null, 'none')),
    ]
    expect(ratesOf(tickets).satisfactionRate).toBe(0.75)
    expect(ratesOf(tickets, false).satisfactionRate).toBe(0.25)
  })

  it('averages working days to close over closed tickets, to one decimal', () => {
    const tickets = [
      facts({ workingDaysToClose: 3 }),
      facts({ workingDaysToClose: 4 }),
      facts({ workingDaysToClose: 4 }),
      facts(),
    ]
    expect(ratesOf(tickets).averageWorkingDaysToClose).toBe(3.7)
  })

  it('lists the three most frequent topics, ties in topic order', () => {
    const tickets = ['税', '税', '社保', '社保', '登记', '价格', '价格', '价格', null].map(
      (topic) => facts({ topic }),
    )
    expect(ratesOf(tickets).topTopics).toEqual([
      { topic: '价格', count: 3 },
      { topic: '社保', count: 2 },
      { topic: '税', count: 2 },
    ])
  })
})

describe('computeStatistics', () => {
  const tickets = [
    facts({ category: 'help', divisionCode: '450103', leadUnitId: 'nanning-amr' }),
    facts({ category: 'help', divisionCode: '450100', leadUnitId: null }),
    facts({
      category: 'complaint',
      divisionCode: '450204',
      leadUnitId: 'liuzhou-tax',
      // 2026-02-28 17:00Z is already 1 March in China.
      createdAt: new Date('2026-02-28T17:00:00Z'),
    }),
    facts({ category: 'consultation', divisionCode: '450000', leadUnitId: null }),
  ]

  it('groups by city (counties fold into their city; the region is its own group)', () => {
    const { groups, total } = computeStatistics(tickets, { groupBy: 'city' })
    expect(groups.map((g) => [g.key, g.count])).toEqual([
      ['450000', 1],
      ['450100', 2],
      ['450200', 1],
    ])
    expect(total.count).toBe(4)
  })

  it('groups by China month, unit and category', () => {
    const keys = (groupBy: 'month' | 'unit' | 'category') =>
      computeStatistics(tickets, { groupBy }).groups.map((g) => [g.key, g.count])
    expect(keys('month')).toEqual([
      ['2026-02', 3],
      ['2026-03', 1],
    ])
    expect(keys('unit')).toEqual([
      ['liuzhou-tax', 1],
      ['nanning-amr', 1],
      ['none', 2],
    ])
    expect(keys('category')).toEqual([
      ['complaint', 1],
      ['consultation', 1],
      ['help', 2],
    ])
  })

  it('computes each group’s rates from its own tickets', () => {
    const mixed = [
      facts({ divisionCode: '450100', ...rated('yes', 'satisfied') }),
      facts({ divisionCode: '450200', ...rated('no', 'dissatisfied') }),
    ]
    const { groups, total } = computeStatistics(mixed, { groupBy: 'city' })
    expect(groups.map((g) => g.satisfactionRate)).toEqual([1, 0])
    expect(total.satisfactionRate).toBe(0.5)
  })
})

describe('groupKeyOf and groupLabelOf', () => {
  it('labels groups in Chinese', () => {
    const units = new Map([['nanning-amr', '南宁市市场监督管理局']])
    expect(groupLabelOf('category', 'complaint', units)).toBe('投诉')
    expect(groupLabelOf('city', '450200', units)).toBe('柳州市')
    expect(groupLabelOf('city', '450000', units)).toBe('自治区本级')
    expect(groupLabelOf('unit', 'nanning-amr', units)).toBe('南宁市市场监督管理局')
    expect(groupLabelOf('unit', 'none', units)).toBe('未分派')
    expect(groupLabelOf('month', '2026-03', units)).toBe('2026年3月')
  })

  it('puts an unknown division in the region group', () => {
    expect(groupKeyOf(facts({ divisionCode: '459999' }), 'city')).toBe('450000')
  })
})

describe('topicOf', () => {
  const duties = [
    { category: null, topic: '登记注册', keywords: ['营业执照', '登记', '变更'] },
    { category: 'report' as const, topic: '假冒伪劣', keywords: ['假冒', '伪劣', '营业执照'] },
    { category: null, topic: '税费', keywords: ['发票', '退税'] },
  ]

  it('picks the duty with the most keyword hits in the title and description', () => {
    const ticket = { category: 'help' as const, title: '营业执照变更', description: '要开发票' }
    expect(topicOf(ticket, duties)).toBe('登记注册')
    expect(topicOf({ ...ticket, description: '发票、退税和登记' }, duties)).toBe('登记注册')
    expect(topicOf({ ...ticket, title: '请问', description: '发票和退税' }, duties)).toBe('税费')
  })

  it('counts a category-bound duty only for its category, and gives null without a hit', () => {
    const report = { category: 'report' as const, title: '假冒伪劣', description: '营业执照' }
    expect(topicOf(report, duties)).toBe('假冒伪劣')
    expect(topicOf({ ...report, category: 'help' }, duties)).toBe('登记注册')
    expect(topicOf({ ...report, title: '别的', description: '没有' }, duties)).toBeNull()
  })
})

describe('periodOf and cityDivisions', () => {
  it('turns China months into instants, both months inclusive', () => {
    expect(periodOf({ from: '2026-02', to: '2026-12' })).toEqual({
      from: new Date('2026-01-31T16:00:00.000Z'),
      before: new Date('2026-12-31T16:00:00.000Z'),
    })
    expect(periodOf({})).toEqual({})
  })

  it('keeps a city with its counties, the region alone, and refuses a county', () => {
    expect(cityDivisions('450200')).toContain('450204')
    expect(cityDivisions('450200')).not.toContain('450103')
    expect(cityDivisions('450000')).toEqual(['450000'])
    expect(cityDivisions('450103')).toBeNull()
  })
})
