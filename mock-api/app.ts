/**
 * buildApp({ db, clock, config }) → the Fastify instance, used by server.ts and by tests through
 * `app.inject()`. It does no I/O of its own beyond the store it is given (and reading STATIC_DIR),
 * so a test controls time, data and configuration. Route plugins receive `AppDeps` as options.
 */
import Fastify, { LogController } from 'fastify'
import type { FastifyInstance } from 'fastify'
import type { Config } from './config.js'
import { registerErrorHandler, sendProblem } from './plugins/error-handler.js'
import { problemFor } from './plugins/problems.js'
import { registerSecurityHeaders } from './plugins/security-headers.js'
import { registerStaticApp, sendAppShell, wantsAppShell } from './plugins/static-app.js'
import { healthRoutes } from './routes/health.js'
import type { DbHandle } from './storage/database.js'
import type { Secrets } from './storage/secrets.js'
import { loadSecrets } from './storage/secrets.js'

export type Clock = { now(): Date }

export const systemClock: Clock = { now: () => new Date() }

export type AppDeps = {
  db: DbHandle
  clock: Clock
  config: Config
  secrets: Secrets
}

/** JSON bodies are small (a report is a few KB); uploads set their own limit. */
export const BODY_LIMIT = 256 * 1024

export async function buildApp(options: Omit<AppDeps, 'secrets'>): Promise<FastifyInstance> {
  const { db, clock, config } = options
  const secrets = await loadSecrets(db.db, config, clock.now())
  const deps: AppDeps = { ...options, secrets }
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT,
    trustProxy: config.trustProxy,
    // A client has 30 s to send its whole request (slowloris); responses such as SSE may run on.
    requestTimeout: 30_000,
  })
  registerErrorHandler(app)
  await registerSecurityHeaders(app)
  await app.register(healthRoutes, { prefix: '/api', db: deps.db })
  const hasAppShell = await registerStaticApp(app, config.staticDir)
  app.setNotFoundHandler((request, reply) =>
    hasAppShell && wantsAppShell(request)
      ? sendAppShell(reply)
      : sendProblem(reply, problemFor(404)),
  )
  return app
}
