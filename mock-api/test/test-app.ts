// Builds the app the way server.ts does, for `app.inject()` tests: a given store, a settable
// clock, and a config read from a test environment (silent logs, the store's data folder, no
// PWA unless STATIC_DIR is given).
import type { FastifyInstance } from 'fastify'
import type { Clock } from '../deps/clock.js'
import { buildApp } from '../app.js'
import type { Config, Env } from '../config.js'
import { readConfig } from '../config.js'
import type { TestStore } from './databases.js'

export const FIXED_NOW = new Date('2026-02-13T02:00:00.000Z')

export type TestClock = Clock & { set(at: Date): void }

export function testClock(start: Date = FIXED_NOW): TestClock {
  let now = start
  return { now: () => now, set: (at) => (now = at) }
}

export function testConfig(env: Env = {}): Config {
  return readConfig({ LOG_LEVEL: 'silent', STATIC_DIR: '/nonexistent/guishang-dist', ...env })
}

export async function buildTestApp(
  store: TestStore,
  options: { env?: Env; clock?: Clock } = {},
): Promise<FastifyInstance> {
  return buildApp({
    db: store,
    clock: options.clock ?? testClock(),
    config: testConfig({ DATA_DIR: store.config.dataDir, ...options.env }),
  })
}
