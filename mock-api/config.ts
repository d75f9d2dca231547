/**
 * The server's settings, read once from the environment. Pure: it takes the env object and the
 * working directory, so tests build configs without touching process.env. Every problem is
 * collected and reported at once, because a deployment should fail its first start clearly.
 */
import { isAbsolute, resolve } from 'node:path'
import type { Env } from './env.js'
import type { NotificationConfig } from './notification-config.js'
import { readNotificationConfig } from './notification-config.js'
import { isPostgresUrl } from './storage/database.js'
import { DEFAULT_DEMO_PASSWORD } from './storage/passwords.js'

export type Config = {
  port: number
  /** `localhost` by default (the demo's known passwords stay off the network); 0.0.0.0 in production. */
  host: string
  dataDir: string
  databaseUrl: string | null
  staticDir: string
  isProduction: boolean
  /** Demo mode seeds the demo store; it is on unless NODE_ENV=production. */
  isDemo: boolean
  demoPassword: string
  codeSecret: string | null
  cookieSecret: string | null
  /** Trust X-Forwarded-* from a reverse proxy (which also tells us when we are behind TLS). */
  trustProxy: boolean
  /**
   * The origin owners reach the app on (`https://guishang.example.gov.cn`), for the links that
   * window codes carry; null derives it from each request's host (wrong behind a proxy that
   * rewrites Host).
   */
  publicUrl: string | null
  testClock: boolean
  rateLimits: boolean
  logLevel: string
  /** Pooled PostgreSQL connections (PG_POOL_SIZE). */
  poolSize: number
  /** Open live streams this process holds at most (MAX_STREAMS); more get 503 + Retry-After. */
  maxStreams: number
  /** After SIGTERM, how long readiness says no before the server stops accepting (DRAIN_DELAY_MS). */
  drainDelayMs: number
  /** SMS provider, Web Push keys and limits (notification-config.ts). */
  notifications: NotificationConfig
}

export type { Env }

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Configuration problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'ConfigError'
  }
}

const MIN_SECRET_LENGTH = 32
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']

const value = (env: Env, name: string): string | null => {
  const raw = env[name]?.trim()
  return raw ? raw : null
}
const isOn = (env: Env, name: string) => /^(1|true|yes|on)$/i.test(value(env, name) ?? '')
const isOff = (env: Env, name: string) => /^(0|false|no|off)$/i.test(value(env, name) ?? '')

/**
 * PUBLIC_URL as an origin. A path is refused rather than kept: the app is built for the root (its
 * assets, service worker scope and `/q/<token>` links all start at `/`), so a prefix would print
 * codes that open a broken app.
 */
function originOf(given: string | null, problems: string[]): string | null {
  if (given === null) return null
  const url = URL.canParse(given) ? new URL(given) : null
  if (
    url !== null &&
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.username === '' &&
    url.password === '' &&
    url.pathname === '/' &&
    url.search === '' &&
    url.hash === ''
  )
    return url.origin
  problems.push(
    `PUBLIC_URL must be an http(s) origin without a path, e.g. https://guishang.example.gov.cn, got "${given}"`,
  )
  return null
}

export function readConfig(env: Env, cwd: string = process.cwd()): Config {
  const problems: string[] = []
  const isProduction = value(env, 'NODE_ENV') === 'production'
  const path = (name: string, fallback: string) => {
    const given = value(env, name) ?? fallback
    return isAbsolute(given) ? given : resolve(cwd, given)
  }

  const portText = value(env, 'PORT') ?? '8080'
  const port = Number(portText)
  if (!/^\d+$/.test(portText) || port > 65535)
    problems.push(`PORT must be 0-65535, got "${portText}"`)

  const databaseUrl = value(env, 'DATABASE_URL')
  if (databaseUrl !== null && !isPostgresUrl(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// URL (leave it unset for SQLite)')
  }

  const secret = (name: string) => {
    const given = value(env, name)
    if (given !== null && given.length < MIN_SECRET_LENGTH) {
      problems.push(`${name} must be at least ${MIN_SECRET_LENGTH} characters`)
    } else if (given === null && isProduction) {
      problems.push(
        `${name} is required with NODE_ENV=production (at least ${MIN_SECRET_LENGTH} random ` +
          `characters, e.g. from: openssl rand -base64 48)`,
      )
    }
    return given
  }
  const codeSecret = secret('CODE_SECRET')
  const cookieSecret = secret('COOKIE_SECRET')

  const publicUrl = originOf(value(env, 'PUBLIC_URL'), problems)

  const testClock = isOn(env, 'TEST_CLOCK')
  if (testClock && isProduction) problems.push('TEST_CLOCK cannot be used with NODE_ENV=production')

  const logLevel = value(env, 'LOG_LEVEL') ?? 'info'
  if (!LOG_LEVELS.includes(logLevel))
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`)

  const count = (name: string, fallback: number, max: number) => {
    const given = value(env, name)
    if (given === null) return fallback
    if (/^\d+$/.test(given) && Number(given) <= max) return Number(given)
    problems.push(`${name} must be a whole number from 0 to ${max}, got "${given}"`)
    return fallback
  }
  const maxStreams = count('MAX_STREAMS', 10_000, 1_000_000)
  const poolSize = Math.max(1, count('PG_POOL_SIZE', 10, 1_000))
  const drainDelayMs = count('DRAIN_DELAY_MS', 0, 600_000)
  const notifications = readNotificationConfig(env, isProduction, problems)

  if (problems.length > 0) throw new ConfigError(problems)
  return {
    port,
    host: value(env, 'HOST') ?? (isProduction ? '0.0.0.0' : 'localhost'),
    dataDir: path('DATA_DIR', 'data'),
    databaseUrl,
    staticDir: path('STATIC_DIR', 'dist'),
    isProduction,
    isDemo: !isProduction,
    demoPassword: value(env, 'DEMO_PASSWORD') ?? DEFAULT_DEMO_PASSWORD,
    codeSecret,
    cookieSecret,
    trustProxy: isOn(env, 'TRUST_PROXY'),
    publicUrl,
    testClock,
    rateLimits: !isOff(env, 'RATE_LIMITS'),
    logLevel,
    poolSize,
    maxStreams,
    drainDelayMs,
    notifications,
  }
}
