import { describe, expect, it } from 'vitest'
import { divisionChain, levelOfDivision, mayServe } from './unit-divisions.js'

describe('unit divisions', () => {
  it('gives a unit the level of its division', () => {
    expect(levelOfDivision('450000')).toBe('region')
    expect(levelOfDivision('450100')).toBe('city')
    expect(levelOfDivision('450103')).toBe('county')
    expect(levelOfDivision('110000')).toBeNull()
  })

  it('lets a unit serve its own division and those below it', () => {
    expect(divisionChain('450103')).toEqual(['450103', '450100', '450000'])
    expect(divisionChain('450100')).toEqual(['450100', '450000'])
    expect(divisionChain('450000')).toEqual(['450000'])
    expect(mayServe('450100', '450103')).toBe(true)
    expect(mayServe('450000', '450103')).toBe(true)
    expect(mayServe('450103', '450100')).toBe(false)
    expect(mayServe('450200', '450103')).toBe(false)
  })
})
