// The statistics filters' choices (issue 17): months as a list (Chromium's month input showed
// "--------- ----"), and cities within the office's scope (a city office was offered all 14).
import { DIVISIONS, type StaffMe } from '../../../../mock-api/contract'

const REGION_CODE = '450000'
const CHINA_OFFSET_MS = 8 * 3_600_000

/** The China months from `now`'s back `count` months, newest first, as 'YYYY-MM'. */
export function monthChoices(now: Date, count = 36): string[] {
  const china = new Date(now.getTime() + CHINA_OFFSET_MS)
  const first = china.getUTCFullYear() * 12 + china.getUTCMonth()
  return Array.from({ length: count }, (_, back) => {
    const index = first - back
    const month = String((index % 12) + 1).padStart(2, '0')
    return `${Math.floor(index / 12)}-${month}`
  })
}

export type CityChoice = { code: string; name: string }

/**
 * The cities `me` may filter by: every city and the region level for the region office and the
 * admin; for a city (or county) office, null: its own city is the whole of what it sees.
 */
export function cityChoices(me: Pick<StaffMe, 'role' | 'scope'>): CityChoice[] | null {
  const division = me.scope.divisionCode
  if (me.role === 'office' && division !== undefined && division !== REGION_CODE) return null
  return DIVISIONS.filter((d) => d.parent === REGION_CODE).map((d) => ({
    code: d.code,
    name: d.name,
  }))
}

/** The office's own city name, for a city office (shown instead of a picker). */
export function ownCityName(me: Pick<StaffMe, 'scope'>): string | null {
  const code = me.scope.divisionCode
  const division = DIVISIONS.find((d) => d.code === code)
  if (!division || code === REGION_CODE) return null
  if (division.parent === REGION_CODE) return division.name
  return DIVISIONS.find((d) => d.code === division.parent)?.name ?? null
}
