// Which units the admin may pick where: the same rules the API checks (a unit's level follows its
// division; the responsibility list takes units of the division, its city or the region).
import { DIVISIONS, type AdminUnit } from '../../../../mock-api/contract'

export const REGION_CODE = '450000'

const parentOf = (code: string) => DIVISIONS.find((d) => d.code === code)?.parent ?? null

export function levelOfDivision(code: string): AdminUnit['level'] {
  if (code === REGION_CODE) return 'region'
  return parentOf(code) === REGION_CODE ? 'city' : 'county'
}

/** The division, its city (for a county) and the region: nearest first. */
export function divisionChain(code: string): string[] {
  if (code === REGION_CODE) return [REGION_CODE]
  const parent = parentOf(code)
  const city = parent !== null && parent !== REGION_CODE ? [parent] : []
  return [code, ...city, REGION_CODE]
}

/** Active units that may be listed for matters of `divisionCode`, nearest division first. */
export function eligibleUnits(units: readonly AdminUnit[], divisionCode: string): AdminUnit[] {
  const chain = divisionChain(divisionCode)
  return units
    .filter((unit) => unit.isActive && chain.includes(unit.divisionCode))
    .sort((a, b) => chain.indexOf(a.divisionCode) - chain.indexOf(b.divisionCode))
}
