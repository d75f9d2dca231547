import { DIVISIONS } from '../../../mock-api/contract'

/** The region itself: region-level matters, and those that span cities. */
export const REGION_CODE = '450000'
const REGION_NAME = '广西壮族自治区'

const byCode = new Map(DIVISIONS.map((division) => [division.code, division]))

export const CITIES = DIVISIONS.filter((division) => division.parent === REGION_CODE)

export const countiesOf = (cityCode: string) =>
  DIVISIONS.filter((division) => division.parent === cityCode)

/** A division code split into the picker's two choices; the region counts as a city. */
export function cityAndCounty(code: string | null): { city: string; county: string } {
  const division = code === null ? undefined : byCode.get(code)
  if (code === REGION_CODE) return { city: REGION_CODE, county: '' }
  if (!division) return { city: '', county: '' }
  return division.parent === REGION_CODE
    ? { city: division.code, county: '' }
    : { city: division.parent, county: division.code }
}

/** "南宁市 青秀区", "南宁市", or the region's name. Division names are official, Chinese only. */
export function divisionLabel(code: string): string {
  if (code === REGION_CODE) return REGION_NAME
  const { city, county } = cityAndCounty(code)
  return [city, county]
    .filter(Boolean)
    .map((part) => byCode.get(part)?.name ?? part)
    .join(' ')
}
