import { describe, expect, it } from 'vitest'
import type { StaffUnit } from '../../../../mock-api/contract'
import { dispatchGroups } from './dispatch-groups'

const unit = (id: string, divisionCode: string, level: StaffUnit['level']): StaffUnit => ({
  id,
  name: id,
  level,
  divisionCode,
})

// As /api/staff/units answers: region-level first.
const UNITS = [
  unit('region-amr', '450000', 'region'),
  unit('region-tax', '450000', 'region'),
  unit('liuzhou-amr', '450200', 'city'),
  unit('nanning-tax', '450100', 'city'),
  unit('wuming-amr', '450110', 'county'),
  unit('qingxiu-amr', '450103', 'county'),
  unit('nanning-amr', '450100', 'city'),
]

describe('dispatchGroups', () => {
  it('puts the ticket’s county, then its city and counties, other cities, the region last', () => {
    const groups = dispatchGroups(UNITS, '450103', ['nanning-amr'])
    expect(groups.map((g) => [g.key, g.units.map((u) => u.id)])).toEqual([
      ['local', ['qingxiu-amr', 'nanning-tax', 'wuming-amr']],
      ['otherCities', ['liuzhou-amr']],
      ['region', ['region-amr', 'region-tax']],
    ])
  })

  it('lists a region-level ticket’s units with the region last and no local group', () => {
    const groups = dispatchGroups(UNITS, '450000')
    expect(groups.map((g) => g.key)).toEqual(['otherCities', 'region'])
    expect(groups.flatMap((g) => g.units)).toHaveLength(UNITS.length)
  })
})
