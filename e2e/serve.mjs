// The server the journeys run against: the same one process `npm start` runs (API + built PWA),
// but on a copy of the build (so a test can "deploy" a new version into it) and a fresh data
// folder, with the test clock on and the rate limits off. Its log also goes to E2E_LOG: the
// development code sender writes one-time link codes there, and a journey reads them back.
import { spawn } from 'node:child_process'
import { cpSync, createWriteStream, mkdirSync, rmSync } from 'node:fs'
import { API, ROOT, WEB, buildIfStale } from '../scripts/build-if-stale.mjs'
import { E2E_DATA, E2E_LOG, E2E_ROOT, E2E_WWW } from './places.mjs'

const port = process.argv[2] ?? '4173'
buildIfStale(WEB)
buildIfStale(API)
rmSync(E2E_ROOT, { recursive: true, force: true })
mkdirSync(E2E_DATA, { recursive: true })
cpSync(`${ROOT}/dist`, E2E_WWW, { recursive: true })

const server = spawn(process.execPath, [`${ROOT}/build/api/server.js`], {
  env: {
    ...process.env,
    PORT: port,
    DATA_DIR: E2E_DATA,
    STATIC_DIR: E2E_WWW,
    TEST_CLOCK: '1',
    RATE_LIMITS: 'off',
    // Every journey reports with one phone: the daily SMS cap (tested in domain/sms-timing and the
    // sender's tests) would hold later journeys' messages to the next day.
    SMS_DAILY_LIMIT: '100000',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
})
const log = createWriteStream(E2E_LOG)
server.stdout.pipe(log)
server.stdout.pipe(process.stdout)
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
