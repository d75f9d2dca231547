/**
 * The one impure entry point: reads the environment, prepares the store (migrate; seed in demo
 * mode, under a lock when several instances start together), listens, and prints where to go.
 * SIGINT/SIGTERM mark it draining (/api/ready says no), stop accepting, end live streams with a
 * reconnect hint, let in-flight requests finish, then close the store (SQLite checkpoints its WAL) and exit 0; a second signal, or 10 s
 * of waiting on stuck connections, cuts them off first. SQLite with synchronous=FULL survives even
 * that, so the store is never half-written.
 */
import { mkdirSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { buildApp } from './app.js'
import { systemClock } from './deps/clock.js'
import type { Config } from './config.js'
import { ConfigError, readConfig } from './config.js'
import { removeStrayTemporaries } from './files/file-store.js'
import type { Lifecycle } from './deps/app-deps.js'
import { createLifecycle } from './deps/app-deps.js'
import { createOffsetClock } from './routes/test-clock.js'
import { printBanner } from './server-banner.js'
import { createDb } from './storage/database.js'
import type { DbHandle } from './storage/database.js'
import { migrateToLatest, withStartUpLock } from './storage/migrate.js'
import { seedDemo } from './storage/seed.js'
import { loadVapidKeys } from './storage/vapid-keys.js'
import { startNotifications } from './workflow/notification-runtime.js'
import { startSweeps } from './workflow/sweeper.js'

const CLOSE_GRACE_MS = 10_000
/** Older than this, a temporary upload file belongs to no running write (they take seconds). */
const STRAY_TEMPORARY_AGE_MS = 3_600_000

function readConfigOrExit(): Config {
  try {
    return readConfig(process.env)
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    console.error(`Guishang cannot start.\n${error.message}`)
    process.exit(1)
  }
}

async function prepareStore(config: Config): Promise<DbHandle> {
  if (config.databaseUrl === null) mkdirSync(config.dataDir, { recursive: true })
  const store = createDb(config)
  try {
    // Several instances may start together on one PostgreSQL: one migrates (and seeds), then the next.
    await withStartUpLock(store.db, async () => {
      await migrateToLatest(store.db)
      if (config.isDemo) {
        await seedDemo(store.db, { password: config.demoPassword, now: systemClock.now() })
      }
    })
    return store
  } catch (error) {
    await store.close()
    throw error
  }
}

/**
 * Only a write killed mid-way (a crash) leaves a temporary upload file, and a crashed server comes
 * back through here. Real time, not the test clock: file times are real. Not fatal on failure.
 */
async function removeStrayUploads(app: FastifyInstance, dataDir: string): Promise<void> {
  const olderThan = new Date(systemClock.now().getTime() - STRAY_TEMPORARY_AGE_MS)
  try {
    const removed = await removeStrayTemporaries(dataDir, olderThan)
    if (removed > 0) app.log.info({ removed }, 'removed stray temporary upload files')
  } catch (err) {
    app.log.warn({ err }, 'could not remove stray temporary upload files')
  }
}

type Stopping = { store: DbHandle; lifecycle: Lifecycle; drainDelayMs: number }

function closeOnSignals(app: FastifyInstance, { store, lifecycle, drainDelayMs }: Stopping): void {
  let isClosing = false
  const shutdown = async (signal: NodeJS.Signals) => {
    if (isClosing) {
      app.server.closeAllConnections()
      return
    }
    isClosing = true
    // Readiness says no first, for a proxy or orchestrator that checks it (DRAIN_DELAY_MS; nginx
    // without active checks needs none: see docs/deploy.md). Then Fastify stops accepting,
    // answers requests on kept-alive connections with 503, ends the live streams with a
    // reconnect hint, and waits for the requests in flight.
    lifecycle.isDraining = true
    console.log(`\n${signal} received: finishing open requests and closing the store…`)
    if (drainDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, drainDelayMs))
    const cutOff = setTimeout(() => app.server.closeAllConnections(), CLOSE_GRACE_MS)
    await app.close()
    clearTimeout(cutOff)
    await store.close()
    console.log('Stopped cleanly.')
    process.exit(0)
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, (received) => {
      shutdown(received).catch((error: unknown) => {
        console.error('Closing failed:', error)
        process.exit(1)
      })
    })
  }
}

async function main(): Promise<void> {
  const config = readConfigOrExit()
  const store = await prepareStore(config)
  const clock = config.testClock ? createOffsetClock() : systemClock
  const lifecycle = createLifecycle()
  const app = await buildApp({ db: store, clock, config, lifecycle })
  await removeStrayUploads(app, config.dataDir)
  const onError = (err: unknown) => app.log.error({ err }, 'system job failed')
  const stopSweeps = startSweeps({ db: store, clock }, { onError })
  let stopNotifications = () => {}
  app.addHook('onClose', (_, done) => {
    stopSweeps()
    stopNotifications()
    done()
  })
  // Before listening: a signal that arrives while the banner is printed must still close cleanly.
  closeOnSignals(app, { store, lifecycle, drainDelayMs: config.drainDelayMs })
  try {
    await app.listen({ port: config.port, host: config.host })
  } catch (error) {
    await store.close()
    throw error
  }
  const { port } = app.server.address() as AddressInfo
  // After listening: links in messages need the port. Runs until the app closes.
  const vapid = await loadVapidKeys(store.db, config.notifications.vapid, clock.now())
  stopNotifications = startNotifications({
    db: store,
    clock,
    config,
    vapid,
    log: app.log,
    port,
    onError: (err: unknown) => app.log.error({ err }, 'notification sender failed'),
  })
  // The server is up either way; a banner that cannot be printed (store closing) is not fatal.
  await printBanner({ config, store, port }).catch((error: unknown) => {
    console.error('Could not print the start-up summary:', error)
  })
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error)
  console.error(`Guishang could not start: ${message}`)
  process.exit(1)
})
