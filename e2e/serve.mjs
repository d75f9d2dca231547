// The server the journeys run against: the same one process `npm start` runs (API + built PWA),
// but on a copy of the build (so a test can "deploy" a new version into it) and a fresh data
// folder, with the test clock on and the rate limits off.
import { cpSync, mkdirSync, rmSync } from 'node:fs'
import { API, ROOT, WEB, buildIfStale } from '../scripts/build-if-stale.mjs'
import { E2E_DATA, E2E_ROOT, E2E_WWW } from './places.mjs'

const port = process.argv[2] ?? '4173'
buildIfStale(WEB)
buildIfStale(API)
rmSync(E2E_ROOT, { recursive: true, force: true })
mkdirSync(E2E_DATA, { recursive: true })
cpSync(`${ROOT}/dist`, E2E_WWW, { recursive: true })

Object.assign(process.env, {
  PORT: port,
  DATA_DIR: E2E_DATA,
  STATIC_DIR: E2E_WWW,
  TEST_CLOCK: '1',
  RATE_LIMITS: 'off',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
})
await import('../build/api/server.js')
