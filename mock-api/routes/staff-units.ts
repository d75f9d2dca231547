// Units for the console's dispatch pickers, and the responsibility list's suggestions for a ticket.
import type { FastifyPluginCallback } from 'fastify'
import { z } from 'zod'
import type { AppDeps } from '../deps/app-deps.js'
import { problemSchema, staffUnitsSchema, suggestedUnitsSchema } from '../contract.js'
import { requireStaff, staffOf } from '../plugins/staff-auth.js'
import { listDispatchUnits, suggestUnitsFor } from '../workflow/dispatch-units.js'
import type { RouteDoc } from './route-doc.js'

const ticketParams = z.object({ id: z.string().min(1).max(64) })

export const staffUnitRoutes: FastifyPluginCallback<AppDeps> = (app, deps, done) => {
  const { db } = deps

  app.get('/staff/units', { preHandler: requireStaff(deps) }, async (request) => ({
    units: await listDispatchUnits(db.db, staffOf(request)),
  }))

  app.get(
    '/staff/tickets/:id/suggested-units',
    { preHandler: requireStaff(deps, ['desk', 'unit', 'office']) },
    async (request) => {
      const { id } = ticketParams.parse(request.params)
      return { units: await suggestUnitsFor(db.db, staffOf(request), id) }
    },
  )
  done()
}

const problem = (description: string) => ({ description, schema: problemSchema })

export const staffUnitDocs: RouteDoc[] = [
  {
    method: 'GET',
    path: '/api/staff/units',
    summary: 'Units in my scope (my division, the divisions below it, the region), for dispatch',
    tags: ['staff'],
    auth: { kind: 'staff' },
    responses: {
      200: { description: 'Active units, region first', schema: staffUnitsSchema },
      401: problem('Not signed in'),
    },
  },
  {
    method: 'GET',
    path: '/api/staff/tickets/{id}/suggested-units',
    summary: 'Up to 5 units the responsibility list suggests, by category and keyword hits',
    tags: ['staff'],
    auth: { kind: 'staff', roles: ['desk', 'unit', 'office'] },
    params: ticketParams,
    responses: {
      200: {
        description: 'Best first, with the topics and keywords that matched',
        schema: suggestedUnitsSchema,
      },
      401: problem('Not signed in'),
      403: problem('The admin reads no tickets'),
      404: problem('No such ticket, or not in my scope'),
    },
  },
]
