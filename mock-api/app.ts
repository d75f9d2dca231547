/**
 * buildApp({ db, clock, config }) → the Fastify instance, used by server.ts and by tests through
 * `app.inject()`. It does no I/O of its own beyond the store it is given (and reading STATIC_DIR),
 * so a test controls time, data and configuration. Route plugins receive `AppDeps` (deps/app-deps.ts)
 * as options.
 */
import { adminLockoutRoutes } from './routes/admin-lockouts.js'
import Fastify, { LogController } from 'fastify'
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from './deps/app-deps.js'
import { createLifecycle } from './deps/app-deps.js'
import { answerFrameworkError, registerErrorHandler, sendProblem } from './plugins/error-handler.js'
import { registerOwnerAuth } from './plugins/owner-auth.js'
import { problemFor } from './plugins/problems.js'
import { registerSecurityHeaders } from './plugins/security-headers.js'
import { registerStaffAuth } from './plugins/staff-auth.js'
import { registerStaticApp, sendAppShell, wantsAppShell } from './plugins/static-app.js'
import { registerStrictJson } from './plugins/strict-json.js'
import { adminResponsibilityRoutes } from './routes/admin-responsibilities.js'
import { adminUnitRoutes } from './routes/admin-units.js'
import { attachmentRoutes } from './routes/attachments.js'
import { calendarOverrideRoutes } from './routes/calendar-overrides.js'
import { claimRoutes } from './routes/claims.js'
import { codeRoutes } from './routes/codes.js'
import { entityCodeRoutes } from './routes/entity-codes.js'
import { staffIntakeRoutes } from './routes/staff-intake.js'
import { deviceRoutes } from './routes/devices.js'
import { docsRoutes } from './routes/docs.js'
import { allRouteDocs } from './openapi/route-docs.js'
import { registerEventStreams } from './routes/events.js'
import { receiptRoutes } from './routes/receipts.js'
import { reportRoutes } from './routes/reports.js'
import { reportBatchRoutes } from './routes/report-batch.js'
import { pushRoutes } from './routes/push.js'
import { ticketActionRoutes } from './routes/ticket-actions.js'
import { ticketRoutes } from './routes/tickets.js'
import { healthRoutes } from './routes/health.js'
import { OPEN311_PREFIX } from './routes/open311/endpoint.js'
import { open311Routes } from './routes/open311/open311.js'
import { servicePointCodeRoutes } from './routes/service-point-codes.js'
import { servicePointRoutes } from './routes/service-points.js'
import { shortCodeRoutes } from './routes/service-point-short-codes.js'
import { staffAccountRoutes } from './routes/staff-accounts.js'
import { staffAttachmentRoutes } from './routes/staff-attachments.js'
import { statisticsRoutes } from './routes/statistics.js'
import { staffSessionRoutes } from './routes/staff-session.js'
import { staffTicketRoutes } from './routes/staff-tickets.js'
import { staffUnitRoutes } from './routes/staff-units.js'
import { testClockRoutes } from './routes/test-clock.js'
import { loadSecrets } from './storage/secrets.js'
import { loadVapidKeys } from './storage/vapid-keys.js'
import { createReadCaches } from './workflow/read-caches.js'

/** JSON bodies are small (a report is a few KB); uploads set their own limit. */
export const BODY_LIMIT = 256 * 1024

export async function buildApp(
  options: Omit<AppDeps, 'secrets' | 'reads' | 'vapid'>,
): Promise<FastifyInstance> {
  const { db, clock, config } = options
  const secrets = await loadSecrets(db.db, config, clock.now())
  const vapid = await loadVapidKeys(db.db, config.notifications.vapid, clock.now())
  const deps: AppDeps = { ...options, secrets, vapid, reads: createReadCaches(db) }
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT,
    trustProxy: config.trustProxy,
    // A client has 2 minutes to send its whole request (slowloris): enough for a 10 MB photo at
    // about 1 Mbit/s (the app sends photos compressed to a few hundred KB). SSE responses run on.
    requestTimeout: 120_000,
    // Bad percent-encoding and over-long path parameters: a problem with the usual headers.
    frameworkErrors: answerFrameworkError,
  })
  registerErrorHandler(app)
  registerStrictJson(app)
  registerSecurityHeaders(app)
  await registerStaffAuth(app, deps)
  registerOwnerAuth(app)
  await registerEventStreams(app, deps)
  const lifecycle = options.lifecycle ?? createLifecycle()
  await app.register(healthRoutes, { prefix: '/api', db: deps.db, lifecycle })
  await app.register(codeRoutes, { prefix: '/api', ...deps })
  await app.register(deviceRoutes, { prefix: '/api', ...deps })
  await app.register(reportRoutes, { prefix: '/api', ...deps })
  await app.register(reportBatchRoutes, { prefix: '/api', ...deps })
  await app.register(ticketRoutes, { prefix: '/api', ...deps })
  await app.register(ticketActionRoutes, { prefix: '/api', ...deps })
  await app.register(attachmentRoutes, { prefix: '/api', ...deps })
  await app.register(staffAttachmentRoutes, { prefix: '/api', ...deps })
  await app.register(receiptRoutes, { prefix: '/api', ...deps })
  await app.register(servicePointRoutes, { prefix: '/api', ...deps })
  await app.register(servicePointCodeRoutes, { prefix: '/api', ...deps })
  await app.register(shortCodeRoutes, deps)
  await app.register(staffAccountRoutes, { prefix: '/api', ...deps })
  await app.register(statisticsRoutes, { prefix: '/api', ...deps })
  await app.register(docsRoutes, { prefix: '/api', routeDocs: allRouteDocs() })
  await app.register(staffSessionRoutes, { prefix: '/api', ...deps })
  await app.register(staffTicketRoutes, { prefix: '/api', ...deps })
  await app.register(staffUnitRoutes, { prefix: '/api', ...deps })
  await app.register(adminUnitRoutes, { prefix: '/api', ...deps })
  await app.register(adminResponsibilityRoutes, { prefix: '/api', ...deps })
  await app.register(calendarOverrideRoutes, { prefix: '/api', ...deps })
  await app.register(open311Routes, { prefix: OPEN311_PREFIX, ...deps })
  await app.register(adminLockoutRoutes, { prefix: '/api', ...deps })
  await app.register(staffIntakeRoutes, { prefix: '/api', ...deps })
  await app.register(claimRoutes, { prefix: '/api', ...deps })
  await app.register(entityCodeRoutes, { prefix: '/api', ...deps })
  await app.register(pushRoutes, { prefix: '/api', ...deps })
  if (config.testClock) await app.register(testClockRoutes, { prefix: '/api', ...deps })
  const hasAppShell = await registerStaticApp(app, config.staticDir)
  app.setNotFoundHandler((request, reply) =>
    hasAppShell && wantsAppShell(request)
      ? sendAppShell(reply)
      : sendProblem(reply, problemFor(404)),
  )
  return app
}
