// The admin's responsibility list (责任清单): per division and category, the lead unit and any
// co-units. The checks (each an active unit of that division or above it) and the audit are in
// workflow/responsibility-list.ts; this file parses and answers.
import type { FastifyPluginCallback, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { AppDeps } from '../deps/app-deps.js'
import { categorySchema, divisionCodeSchema, responsibilityInputSchema } from '../contract.js'
import { problemFor } from '../plugins/problems.js'
import { requireStaff, staffOf } from '../plugins/staff-auth.js'
import {
  listResponsibilityList,
  removeResponsibility,
  setResponsibility,
} from '../workflow/responsibility-list.js'

export const entryParams = z.object({ divisionCode: divisionCodeSchema, category: categorySchema })

/** The entry the path names; a path that names no division or category names nothing (404). */
function entryKeyOf(request: FastifyRequest) {
  const parsed = entryParams.safeParse(request.params)
  if (!parsed.success) throw problemFor(404)
  return parsed.data
}

export const adminResponsibilityRoutes: FastifyPluginCallback<AppDeps> = (app, deps, done) => {
  const db = deps.db.db
  const adminOnly = { preHandler: requireStaff(deps, ['admin']) }
  const path = '/staff/admin/responsibilities/:divisionCode/:category'
  const editor = (request: FastifyRequest) => ({
    staffId: staffOf(request).id,
    at: deps.clock.now(),
  })

  app.get('/staff/admin/responsibilities', adminOnly, async () => ({
    entries: await listResponsibilityList(db),
  }))

  app.put(path, adminOnly, async (request) => {
    const key = entryKeyOf(request)
    const input = responsibilityInputSchema.parse(request.body)
    return setResponsibility(db, key, input, editor(request))
  })

  app.delete(path, adminOnly, async (request, reply) => {
    await removeResponsibility(db, entryKeyOf(request), editor(request))
    return reply.code(204).send()
  })
  done()
}
