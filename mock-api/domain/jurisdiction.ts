/**
 * Guangxi's divisions and where a report goes. The region (450000) has cities; each county-level
 * division belongs to one city. DOMAIN.md: the region desk takes region-level matters and anything
 * that spans cities, otherwise the desk of the city where the business is located.
 */
import { DIVISIONS } from '../shared/divisions.js'
import type { Division } from '../shared/divisions.js'

export const REGION_CODE = '450000'

const BY_CODE = new Map(DIVISIONS.map((d) => [d.code, d]))

/** The city or county-level division with this GB/T 2260 code; the region itself is not a row. */
export function findDivision(code: string): Division | undefined {
  return BY_CODE.get(code)
}

/** A county's city; a city itself; null for the region and for unknown codes. */
export function cityOf(code: string): Division | null {
  const division = BY_CODE.get(code)
  if (!division) return null
  return division.parent === REGION_CODE ? division : (BY_CODE.get(division.parent) ?? null)
}

/** The 14 cities, by code. */
export function listCities(): Division[] {
  return DIVISIONS.filter((d) => d.parent === REGION_CODE)
}

/** The county-level divisions of a city, by code; empty for anything that is not a city. */
export function countiesOf(cityCode: string): Division[] {
  if (cityOf(cityCode)?.code !== cityCode) return []
  return DIVISIONS.filter((d) => d.parent === cityCode)
}

/**
 * The division code of the desk a report goes to: the region desk ('450000') for region-level
 * matters, the region itself and unknown codes; otherwise the desk of the division's city.
 */
export function receivingDesk(
  divisionCode: string,
  options: { regionLevel?: boolean } = {},
): string {
  if (options.regionLevel === true) return REGION_CODE
  return cityOf(divisionCode)?.code ?? REGION_CODE
}
