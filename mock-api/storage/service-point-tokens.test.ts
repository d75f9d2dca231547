import { describe, expect, it } from 'vitest'
import { signServicePointToken, verifyServicePointToken } from './service-point-tokens.js'

const SECRET = 'a-test-secret-that-is-long-enough-for-hmac'
const POINT = { id: 'sp-nanning-center-3', version: 1 }

describe('service point tokens', () => {
  it('verify to the point they were signed for', () => {
    const token = signServicePointToken(SECRET, POINT)
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(verifyServicePointToken(SECRET, token)).toEqual(POINT)
  })

  it('are refused when signed with another secret', () => {
    const forged = signServicePointToken('someone-elses-secret-of-enough-length', POINT)
    expect(verifyServicePointToken(SECRET, forged)).toBeNull()
  })

  it('are refused when any character is altered', () => {
    const token = signServicePointToken(SECRET, POINT)
    for (let i = 0; i < token.length; i++) {
      const swapped = token[i] === 'A' ? 'B' : 'A'
      const altered = token.slice(0, i) + swapped + token.slice(i + 1)
      expect(verifyServicePointToken(SECRET, altered)).toBeNull()
    }
  })

  it('change when the point gets a new token version', () => {
    const old = signServicePointToken(SECRET, POINT)
    const renewed = signServicePointToken(SECRET, { ...POINT, version: 2 })
    expect(renewed).not.toBe(old)
    expect(verifyServicePointToken(SECRET, old)).toEqual(POINT)
  })

  it('refuse garbage without throwing', () => {
    for (const garbage of ['', 'abc', '../etc/passwd', 'x'.repeat(500), '////']) {
      expect(verifyServicePointToken(SECRET, garbage)).toBeNull()
    }
  })
})
