import { describe, expect, it } from 'vitest'
import { cityChoices, monthChoices, ownCityName } from './statistics-filters'

describe('statistics filters', () => {
  it('offers China months newest first, across a year boundary', () => {
    // 2027-01-01 01:00 in China is still 2026-12-31 in UTC.
    expect(monthChoices(new Date('2026-12-31T17:00:00Z'), 3)).toEqual([
      '2027-01',
      '2026-12',
      '2026-11',
    ])
  })

  it('keeps a city office to its own city and gives the region office all 14 (issue 17)', () => {
    const nanning = { role: 'office' as const, scope: { divisionCode: '450100' } }
    expect(cityChoices(nanning)).toBeNull()
    expect(ownCityName(nanning)).toBe('南宁市')
    expect(ownCityName({ scope: { divisionCode: '450103' } })).toBe('南宁市')
    expect(cityChoices({ role: 'office', scope: { divisionCode: '450000' } })).toHaveLength(14)
    expect(cityChoices({ role: 'admin', scope: {} })).toHaveLength(14)
  })
})
