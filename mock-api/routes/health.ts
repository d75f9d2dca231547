// GET /api/health: the process is up and the store answers (liveness: restart it when this
// fails). GET /api/ready: it should be sent traffic (readiness: false while it drains before a
// stop, so a proxy or orchestrator that checks it moves new requests elsewhere first).
import type { FastifyPluginCallback } from 'fastify'
import { sql } from 'kysely'
import { z } from 'zod'
import type { AppDeps, Lifecycle } from '../deps/app-deps.js'
import { healthSchema, problemSchema } from '../contract.js'
import { problemFor } from '../plugins/problems.js'
import type { RouteDoc } from './route-doc.js'

export const readySchema = z.object({ ready: z.literal(true) })

export const healthDocs: RouteDoc[] = [
  {
    method: 'GET',
    path: '/api/health',
    summary: 'The server is up and its store answers (for load balancers and the app).',
    tags: ['health'],
    auth: { kind: 'public' },
    responses: {
      200: { description: 'Healthy.', schema: healthSchema },
      500: { description: 'The store does not answer.' },
    },
  },
  {
    method: 'GET',
    path: '/api/ready',
    summary: 'This instance takes new traffic: up, its store answers, and it is not stopping.',
    tags: ['health'],
    auth: { kind: 'public' },
    responses: {
      200: { description: 'Ready.', schema: readySchema },
      503: {
        description: 'Draining before a stop, or the store does not answer.',
        schema: problemSchema,
      },
    },
  },
]

type HealthOptions = Pick<AppDeps, 'db'> & { lifecycle: Lifecycle }

export const healthRoutes: FastifyPluginCallback<HealthOptions> = (
  app,
  { db, lifecycle },
  done,
) => {
  app.get('/health', async () => {
    await sql`select 1`.execute(db.db)
    return { ok: true as const }
  })
  app.get('/ready', async (_request, reply) => {
    reply.header('cache-control', 'no-store')
    if (lifecycle.isDraining) throw problemFor(503)
    try {
      await sql`select 1`.execute(db.db)
    } catch {
      throw problemFor(503)
    }
    return { ready: true as const }
  })
  done()
}
