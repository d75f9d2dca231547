/**
 * Where a handling unit sits and where it may take the lead. A unit's level follows its division
 * (the region 450000, a city, or a county-level division). On the responsibility list a unit may
 * lead in its own division or below it: a city unit for its counties, a region unit anywhere.
 */
import { REGION_CODE, cityOf, findDivision } from './jurisdiction.js'

export type UnitLevel = 'region' | 'city' | 'county'

/** The level a unit in this division has; null for a code that names no Guangxi division. */
export function levelOfDivision(code: string): UnitLevel | null {
  if (code === REGION_CODE) return 'region'
  const division = findDivision(code)
  if (!division) return null
  return division.parent === REGION_CODE ? 'city' : 'county'
}

/** The division, its city (for a county) and the region: nearest first. */
export function divisionChain(code: string): string[] {
  if (code === REGION_CODE) return [REGION_CODE]
  const city = cityOf(code)?.code
  return [...new Set([code, ...(city ? [city] : []), REGION_CODE])]
}

/** Whether a unit of `unitDivision` may be listed for matters of `division`. */
export const mayServe = (unitDivision: string, division: string): boolean =>
  divisionChain(division).includes(unitDivision)
