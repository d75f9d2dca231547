// The dispatch pickers' order (issue 17): what the responsibility list suggests, then the units of
// the ticket's own city and counties (its own division first), then other cities' units (the
// region desk sees them), and region-level units last — not one flat list, region first.
import { DIVISIONS, type StaffUnit } from '../../../../mock-api/contract'

export const REGION_CODE = '450000'

export type UnitGroupKey = 'local' | 'otherCities' | 'region'
export type UnitGroup = { key: UnitGroupKey; units: StaffUnit[] }

const parentOf = new Map(DIVISIONS.map((d) => [d.code, d.parent]))

/** The city a division belongs to (a city is its own); null for the region and unknown codes. */
export function cityCodeOf(code: string): string | null {
  if (code === REGION_CODE) return null
  const parent = parentOf.get(code)
  if (parent === undefined) return null
  return parent === REGION_CODE ? code : parent
}

const localRank = (unit: StaffUnit, divisionCode: string) =>
  unit.divisionCode === divisionCode ? 0 : unit.divisionCode === cityCodeOf(divisionCode) ? 1 : 2

/** The units not suggested, grouped for the ticket in `divisionCode`; empty groups are dropped. */
export function dispatchGroups(
  units: readonly StaffUnit[],
  divisionCode: string,
  suggestedIds: readonly string[] = [],
): UnitGroup[] {
  const city = cityCodeOf(divisionCode)
  const rest = units.filter((unit) => !suggestedIds.includes(unit.id))
  const isRegion = (unit: StaffUnit) => unit.divisionCode === REGION_CODE
  const isLocal = (unit: StaffUnit) =>
    !isRegion(unit) && city !== null && cityCodeOf(unit.divisionCode) === city
  const byName = (a: StaffUnit, b: StaffUnit) => a.name.localeCompare(b.name, 'zh-CN')
  const groups: UnitGroup[] = [
    {
      key: 'local',
      units: rest
        .filter(isLocal)
        .sort((a, b) => localRank(a, divisionCode) - localRank(b, divisionCode) || byName(a, b)),
    },
    {
      key: 'otherCities',
      units: rest
        .filter((unit) => !isRegion(unit) && !isLocal(unit))
        .sort((a, b) => a.divisionCode.localeCompare(b.divisionCode) || byName(a, b)),
    },
    { key: 'region', units: rest.filter(isRegion).sort(byName) },
  ]
  return groups.filter((group) => group.units.length > 0)
}
