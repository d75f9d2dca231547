// The admin's list of sign-in and receipt lockouts, and clearing one (workflow/lockouts.ts).
import type { FastifyPluginCallback } from 'fastify'
import { z } from 'zod'
import type { AppDeps } from '../deps/app-deps.js'
import { adminLockoutsSchema, problemSchema } from '../contract.js'
import { problemFor } from '../plugins/problems.js'
import { requireStaff, staffOf } from '../plugins/staff-auth.js'
import { clearLockout, listLockouts } from '../workflow/lockouts.js'
import type { RouteDoc } from './route-doc.js'

// The console parses the same schema (contract.ts); workflow/lockouts.ts checks its kinds match.
const lockoutListSchema = adminLockoutsSchema
const keyParamsSchema = z.object({ key: z.string().min(1).max(400) })

export const adminLockoutRoutes: FastifyPluginCallback<AppDeps> = (app, deps, done) => {
  const adminOnly = { preHandler: requireStaff(deps, ['admin']) }

  app.get('/staff/admin/lockouts', adminOnly, async () => ({
    lockouts: await listLockouts(deps.db.db, deps.clock.now()),
  }))

  app.delete('/staff/admin/lockouts/:key', adminOnly, async (request, reply) => {
    const { key } = keyParamsSchema.parse(request.params)
    const by = { staffId: staffOf(request).id, at: deps.clock.now() }
    if (!(await clearLockout(deps.db.db, key, by))) throw problemFor(404)
    return reply.code(204).send()
  })
  done()
}

export const adminLockoutsDocs: RouteDoc[] = [
  {
    method: 'GET',
    path: '/api/staff/admin/lockouts',
    summary:
      'Sign-in and receipt look-up lockouts in force: a username or receipt number from one ' +
      'address, a username or number from anywhere, or one address (README, Security)',
    tags: ['admin'],
    auth: { kind: 'staff', roles: ['admin'] },
    responses: {
      200: { description: 'The lockouts, newest first', schema: lockoutListSchema },
      401: { description: 'Not signed in', schema: problemSchema },
      403: { description: 'Not an admin', schema: problemSchema },
    },
  },
  {
    method: 'DELETE',
    path: '/api/staff/admin/lockouts/{key}',
    summary: 'Clear one lockout (its key from the list, URL-encoded); audited',
    tags: ['admin'],
    auth: { kind: 'staff', roles: ['admin'] },
    params: keyParamsSchema,
    responses: {
      204: { description: 'Cleared: the next attempt is checked again' },
      401: { description: 'Not signed in', schema: problemSchema },
      403: { description: 'Not an admin', schema: problemSchema },
      404: { description: 'No such lockout', schema: problemSchema },
    },
  },
]
