import { describe, expect, it } from 'vitest'
import {
  DEFAULT_DEMO_PASSWORD,
  hashPassword,
  isDemoPassword,
  passwordProblem,
  verifyPassword,
} from './passwords.js'

describe('staff passwords', () => {
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
