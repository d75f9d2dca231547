// The admin's handling units: every unit (deactivated ones too), create, rename, deactivate and
// reactivate. The rules (a unit that still holds open tickets, or that the responsibility list
// names, stays) and the audit are in workflow/admin-units.ts; this file parses and answers.
import type { FastifyPluginCallback, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { AppDeps } from '../deps/app-deps.js'
import { unitChangeSchema, unitInputSchema } from '../contract.js'
import { requireStaff, staffOf } from '../plugins/staff-auth.js'
import { changeUnit, createUnit, listAdminUnits } from '../workflow/admin-units.js'

export const unitIdParams = z.object({ id: z.string().min(1).max(100) })

export const adminUnitRoutes: FastifyPluginCallback<AppDeps> = (app, deps, done) => {
  const db = deps.db.db
  const adminOnly = { preHandler: requireStaff(deps, ['admin']) }
  const editor = (request: FastifyRequest) => ({
    staffId: staffOf(request).id,
    at: deps.clock.now(),
  })

  app.get('/staff/admin/units', adminOnly, async () => ({ units: await listAdminUnits(db) }))

  app.post('/staff/admin/units', adminOnly, async (request, reply) => {
    const input = unitInputSchema.parse(request.body)
    return reply.code(201).send(await createUnit(db, input, editor(request)))
  })

  app.patch('/staff/admin/units/:id', adminOnly, async (request) => {
    const { id } = unitIdParams.parse(request.params)
    const change = unitChangeSchema.parse(request.body)
    return changeUnit(db, id, change, editor(request))
  })
  done()
}
