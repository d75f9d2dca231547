import { describe, expect, it } from 'vitest'
import { ConfigError, readConfig } from './config.js'
import { PRODUCTION_NOTIFICATIONS } from './test/production-env.js'

const CWD = '/srv/guishang'
const SECRETS = {
  CODE_SECRET: 'c'.repeat(32),
  COOKIE_SECRET: 'k'.repeat(32),
  ...PRODUCTION_NOTIFICATIONS,
}

const problemsOf = (env: Record<string, string>) => {
  try {
    readConfig(env, CWD)
  } catch (error) {
    if (error instanceof ConfigError) return error.problems
    throw error
  }
  return []
}

describe('readConfig', () => {
  it('defaults to a demo on localhost:8080 with SQLite under ./data and the PWA from ./dist', () => {
    expect(readConfig({}, CWD)).toMatchObject({
      port: 8080,
      host: 'localhost',
      dataDir: '/srv/guishang/data',
      staticDir: '/srv/guishang/dist',
      databaseUrl: null,
      isProduction: false,
      isDemo: true,
      demoPassword: 'guishang-demo',
      rateLimits: true,
      testClock: false,
    })
  })

  it('reads PORT, DATA_DIR, DATABASE_URL, DEMO_PASSWORD and the switches', () => {
    const config = readConfig(
      {
        PORT: '9000',
        DATA_DIR: '/var/lib/guishang',
        DATABASE_URL: 'postgres://app@db/guishang',
        DEMO_PASSWORD: 'show-me',
        RATE_LIMITS: 'off',
        TEST_CLOCK: '1',
      },
      CWD,
    )
    expect(config).toMatchObject({
      port: 9000,
      dataDir: '/var/lib/guishang',
      databaseUrl: 'postgres://app@db/guishang',
      demoPassword: 'show-me',
      rateLimits: false,
      testClock: true,
    })
  })

  it('in production needs both secrets, seeds nothing and listens on all interfaces', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      expect.stringContaining('CODE_SECRET is required'),
      expect.stringContaining('COOKIE_SECRET is required'),
      expect.stringContaining('SMS_PROVIDER=log only writes messages to a file'),
      expect.stringContaining(
        'VAPID_SUBJECT go together and are required with NODE_ENV=production',
      ),
    ])
    expect(readConfig({ NODE_ENV: 'production', ...SECRETS }, CWD)).toMatchObject({
      isProduction: true,
      isDemo: false,
      host: '0.0.0.0',
      codeSecret: SECRETS.CODE_SECRET,
    })
  })

  it('reads PUBLIC_URL as an origin, and leaves it null (the request’s host) when unset', () => {
    expect(readConfig({}, CWD).publicUrl).toBeNull()
    const publicUrlOf = (given: string) => readConfig({ PUBLIC_URL: given }, CWD).publicUrl
    expect(publicUrlOf('https://guishang.example.gov.cn')).toBe('https://guishang.example.gov.cn')
    expect(publicUrlOf(' https://Guishang.example.gov.cn/ ')).toBe(
      'https://guishang.example.gov.cn',
    )
    expect(publicUrlOf('http://10.0.0.5:8443')).toBe('http://10.0.0.5:8443')
  })

  it('refuses a PUBLIC_URL that is not a bare http(s) origin', () => {
    for (const given of [
      'guishang.example.gov.cn',
      'ftp://guishang.example.gov.cn',
      'https://guishang.example.gov.cn/app',
      'https://guishang.example.gov.cn/?x=1',
      'https://guishang.example.gov.cn/#top',
      'https://user:pw@guishang.example.gov.cn',
    ]) {
      expect(problemsOf({ PUBLIC_URL: given }), given).toEqual([
        expect.stringContaining('PUBLIC_URL must be an http(s) origin without a path'),
      ])
    }
  })

  it('reports every bad setting at once', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
      CODE_SECRET: 'short',
      NODE_ENV: 'production',
      ...PRODUCTION_NOTIFICATIONS,
      COOKIE_SECRET: SECRETS.COOKIE_SECRET,
      TEST_CLOCK: 'yes',
      LOG_LEVEL: 'loud',
    })
    expect(problems).toHaveLength(5)
    expect(problems.join('\n')).toMatch(
      /PORT[\s\S]*DATABASE_URL[\s\S]*CODE_SECRET[\s\S]*TEST_CLOCK/,
    )
  })
})
