import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  CREDIT_CODE_ALPHABET,
  REGISTRATION_AUTHORITIES,
  checkCreditCode,
  creditCodeCheckCharacter,
  hasKnownAuthority,
} from './credit-code.js'

const alphabetChar = fc.constantFrom(...CREDIT_CODE_ALPHABET)
const authorityAndKind = fc.constantFrom(
  ...Object.entries(REGISTRATION_AUTHORITIES).flatMap(([authority, kinds]) =>
    [...kinds].map((kind) => authority + kind),
  ),
)
const first17Arb = fc
  .tuple(authorityAndKind, fc.string({ unit: alphabetChar, minLength: 15, maxLength: 15 }))
  .map(([head, rest]) => head + rest)
const validCodeArb = first17Arb.map((first17) => first17 + creditCodeCheckCharacter(first17))

describe('checkCreditCode', () => {
  it.each([
    '91350100M000100Y43', // the worked example of GB 32100-2015
    '9144030071526726XG',
    '91110108551385082Q',
    '914403001922038216',
    '91330100716105852F',
  ])('accepts the published code %s', (code) => {
    expect(checkCreditCode(code)).toEqual({ code, format: 'ok', checksum: 'ok' })
  })

  it('keeps a well-formed code whose check character is wrong, as a mismatch to confirm', () => {
    expect(checkCreditCode('911100001000079974')).toEqual({
      code: '911100001000079974',
      format: 'ok',
      checksum: 'mismatch',
    })
  })

  it('reads lower case and surrounding spaces as the upper-case code', () => {
    expect(checkCreditCode(' 9144030071526726xg ')).toEqual({
      code: '9144030071526726XG',
      format: 'ok',
      checksum: 'ok',
    })
  })

  it.each([
    ['I', '91350100M000100I43'],
    ['O', '91350100M000100O43'],
    ['Z', '91350100M000100Z43'],
    ['S', '91350100M000100S43'],
    ['V', '91350100M000100V43'],
    ['17 characters', '91350100M000100Y4'],
    ['19 characters', '91350100M000100Y433'],
    ['a space inside', '91350100M0001 0Y43'],
    ['nothing', ''],
  ])('refuses the format with %s', (_, code) => {
    expect(checkCreditCode(code)).toMatchObject({ format: 'bad_format', checksum: null })
  })

  it.each([
    ['all zeros', '000000000000000000'],
    ['authority 0', '01450100MA5K00000B'],
    ['authority B', 'B1450100MA5K00000B'],
    ['工商 with kind 4', '94450100MA5K00000B'],
    ['其他 with kind 2', 'Y2450100MA5K00000B'],
  ])('refuses a code no authority issues: %s', (_, code) => {
    expect(checkCreditCode(code)).toMatchObject({ format: 'unknown_authority', checksum: null })
  })

  it.each([
    '11450000MB0000000X',
    '31450000MD0000000X',
    '51450000MJ0000000X',
    'N2450000MF0000000X',
    'Y1450000MA0000000X',
  ])('knows the authority and kind of %s', (code) => {
    expect(hasKnownAuthority(code)).toBe(true)
  })
})

describe('creditCodeCheckCharacter', () => {
  it('computes the check character of the standard’s example', () => {
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3')
  })

  it('refuses input that is not 17 characters of the alphabet', () => {
    expect(() => creditCodeCheckCharacter('91350100M000100I4')).toThrow(RangeError)
    expect(() => creditCodeCheckCharacter('91350100M000100Y')).toThrow(RangeError)
  })

  it('makes every generated code pass, in either case', () => {
    fc.assert(
      fc.property(validCodeArb, (code) => {
        expect(checkCreditCode(code)).toEqual({ code, format: 'ok', checksum: 'ok' })
        expect(checkCreditCode(code.toLowerCase()).checksum).toBe('ok')
      }),
    )
  })

  it('catches any one character changed to another of the alphabet', () => {
    const change = fc.record({
      code: validCodeArb,
      position: fc.integer({ min: 0, max: 17 }),
      replacement: alphabetChar,
    })
    fc.assert(
      fc.property(change, ({ code, position, replacement }) => {
        fc.pre(code[position] !== replacement)
        const changed = code.slice(0, position) + replacement + code.slice(position + 1)
        fc.pre(hasKnownAuthority(changed))
        expect(checkCreditCode(changed)).toMatchObject({ format: 'ok', checksum: 'mismatch' })
      }),
    )
  })

  it('refuses the format whenever a character outside the alphabet appears', () => {
    const spoil = fc.record({
      code: validCodeArb,
      position: fc.integer({ min: 0, max: 17 }),
      outsider: fc.constantFrom('I', 'O', 'Z', 'S', 'V', '-', '中'),
    })
    fc.assert(
      fc.property(spoil, ({ code, position, outsider }) => {
        const spoiled = code.slice(0, position) + outsider + code.slice(position + 1)
        expect(checkCreditCode(spoiled).format).toBe('bad_format')
      }),
    )
  })
})
