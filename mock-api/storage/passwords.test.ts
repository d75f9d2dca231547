import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHEAP_TEST_COST } from '../test/cheap-password-hashes.js'
import {
  DEFAULT_DEMO_PASSWORD,
  PRODUCTION_COST,
  hashPassword,
  isDemoPassword,
  passwordProblem,
  setHashCostForTests,
  verifyPassword,
} from './passwords.js'

describe('staff passwords', () => {
  // The rest of the suite hashes cheaply (mock-api/test/cheap-password-hashes.ts); here, the real cost.
  beforeAll(() => setHashCostForTests(PRODUCTION_COST))
  afterAll(() => setHashCostForTests(CHEAP_TEST_COST))

  it('are stored as a salted scrypt hash, never the password', async () => {
    const hash = await hashPassword('correct horse battery')
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/)
    expect(hash).not.toContain('correct horse battery')
    expect(await hashPassword('correct horse battery')).not.toBe(hash)
  })

  it('verify the right password and refuse a wrong one', async () => {
    const hash = await hashPassword('correct horse battery')
    expect(await verifyPassword('correct horse battery', hash)).toBe(true)
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false)
    expect(await verifyPassword('', hash)).toBe(false)
  })

  it('refuse anything that is not one of our hashes', async () => {
    expect(await verifyPassword('x', 'x')).toBe(false)
    expect(await verifyPassword('x', 'scrypt$32768$8$1$$')).toBe(false)
    expect(await verifyPassword('x', 'plain-text-password')).toBe(false)
  })

  it('verify a hash made at another cost by the cost written in it', async () => {
    setHashCostForTests(CHEAP_TEST_COST)
    const cheap = await hashPassword('correct horse battery')
    setHashCostForTests(PRODUCTION_COST)
    expect(cheap).toMatch(/^scrypt\$1024\$8\$1\$/)
    expect(await verifyPassword('correct horse battery', cheap)).toBe(true)
    expect(await verifyPassword('correct horse batterY', cheap)).toBe(false)
  })

  it('cannot be made cheap outside the test suite', () => {
    const vitest = process.env.VITEST
    delete process.env.VITEST
    try {
      expect(() => setHashCostForTests(CHEAP_TEST_COST)).toThrow(/test suite only/)
    } finally {
      process.env.VITEST = vitest
    }
  })

  it('count the default and the configured demo password as demo passwords', () => {
    expect(isDemoPassword(DEFAULT_DEMO_PASSWORD, 'other-demo-pass')).toBe(true)
    expect(isDemoPassword('other-demo-pass', 'other-demo-pass')).toBe(true)
    expect(isDemoPassword('a real strong password', 'other-demo-pass')).toBe(false)
  })

  it('refuse demo and short passwords for new accounts', () => {
    expect(passwordProblem(DEFAULT_DEMO_PASSWORD, DEFAULT_DEMO_PASSWORD)).toBe('demo_password')
    expect(passwordProblem('elevenchars', DEFAULT_DEMO_PASSWORD)).toBe('too_short')
    expect(passwordProblem('twelve chars', DEFAULT_DEMO_PASSWORD)).toBeNull()
  })
})
