import { describe, expect, it } from 'vitest'
import type { StaffMember } from './staff-scope.js'
import { divisionsUnder, hidesOwnerFrom, unitDivisionsFor } from './staff-scope.js'

const member = (overrides: Partial<StaffMember>): StaffMember => ({
  id: 'x',
  username: 'x',
  displayName: 'x',
  role: 'desk',
  divisionCode: '450100',
  unitId: null,
  ...overrides,
})

describe('staff scope helpers', () => {
  it('spans a city and its counties, a county alone, and everything for the region', () => {
    const nanning = divisionsUnder('450100')
    expect(nanning).toContain('450100')
    expect(nanning).toContain('450103')
    expect(nanning).not.toContain('450200')
    expect(divisionsUnder('450103')).toEqual(['450103'])
    expect(divisionsUnder('450000')).toBeNull()
    expect(divisionsUnder('459999')).toEqual([])
  })

  it('offers a city desk its city and the region units, the admin all', () => {
    const divisions = unitDivisionsFor(member({}))
    expect(divisions).toContain('450000')
    expect(divisions).toContain('450102')
    expect(divisions).not.toContain('450202')
    expect(unitDivisionsFor(member({ role: 'admin', divisionCode: null }))).toBeNull()
    expect(unitDivisionsFor(member({ divisionCode: '450000' }))).toBeNull()
  })

  it('hides a confidential owner from units only', () => {
    expect(hidesOwnerFrom(member({ role: 'unit', unitId: 'u' }), { confidential: 1 })).toBe(true)
    expect(hidesOwnerFrom(member({ role: 'unit', unitId: 'u' }), { confidential: 0 })).toBe(false)
    expect(hidesOwnerFrom(member({ role: 'desk' }), { confidential: 1 })).toBe(false)
    expect(hidesOwnerFrom(member({ role: 'office' }), { confidential: 1 })).toBe(false)
  })
})
