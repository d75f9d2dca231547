import { describe, expect, it } from 'vitest'
import type { Statistics, StatisticsRates } from '../contract.js'
import { statisticsCsv } from './statistics-csv.js'

const rates = (overrides: Partial<StatisticsRates> = {}): StatisticsRates => ({
  count: 2,
  responseRate: 0.5,
  onTimeAcceptanceRate: null,
  onTimeHandlingRate: 1,
  resolutionRate: 0.33333,
  satisfactionRate: 0,
  averageWorkingDaysToClose: 2.25,
  topTopics: [],
  ...overrides,
})

const statistics = (label: string, topics: StatisticsRates['topTopics'] = []): Statistics => ({
  groupBy: 'unit',
  from: null,
  to: null,
  countBasicAsSatisfied: true,
  groups: [{ key: 'u1', label, ...rates({ topTopics: topics }) }],
  total: rates(),
})

const rowsOf = (csv: string) => csv.slice(1).split('\r\n')

describe('statisticsCsv', () => {
  it('formats rates as percentages with one decimal and leaves empty rates blank', () => {
    const csv = statisticsCsv(statistics('南宁市税务局', [{ topic: '发票', count: 2 }]))
    expect(csv.startsWith('\uFEFF承办单位,')).toBe(true)
    expect(rowsOf(csv)[1]).toBe('南宁市税务局,2,50.0%,,100.0%,33.3%,0.0%,2.3,发票（2）')
  })

  it('quotes commas, quotes and line breaks, and defuses spreadsheet formulas', () => {
    const csv = statisticsCsv(statistics('=HYPERLINK("http://x"),"a"\nb'))
    expect(rowsOf(csv)[1]).toMatch(/^"'=HYPERLINK\(""http:\/\/x""\),""a""\nb",2,/)
    expect(rowsOf(statisticsCsv(statistics('-1+2')))[1]).toMatch(/^'-1\+2,/)
  })
})
