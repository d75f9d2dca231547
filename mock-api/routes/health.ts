// GET /api/health: the process is up and the store answers.
import type { FastifyPluginCallback } from 'fastify'
import { sql } from 'kysely'
import type { AppDeps } from '../app.js'

export const healthRoutes: FastifyPluginCallback<Pick<AppDeps, 'db'>> = (app, { db }, done) => {
  app.get('/health', async () => {
    await sql`select 1`.execute(db.db)
    return { ok: true as const }
  })
  done()
}
