// GET /api/health: the process is up and the store answers.
import type { FastifyPluginCallback } from 'fastify'
import { sql } from 'kysely'
import type { AppDeps } from '../app.js'
import { healthSchema } from '../contract.js'
import type { RouteDoc } from './route-doc.js'

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
]

export const healthRoutes: FastifyPluginCallback<Pick<AppDeps, 'db'>> = (app, { db }, done) => {
  app.get('/health', async () => {
    await sql`select 1`.execute(db.db)
    return { ok: true as const }
  })
  done()
}
