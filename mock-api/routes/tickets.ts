// GET /api/tickets and /api/tickets/:id: the owner's own tickets. Another owner's ticket is a 404
// with the same body as a missing one, so ids cannot be probed.
import type { FastifyPluginCallback } from 'fastify'
import { z } from 'zod'
import type { AppDeps } from '../deps/app-deps.js'
import { ticketListSchema, ticketSchema } from '../contract.js'
import { getOwner, requireOwner } from '../plugins/owner-auth.js'
import { problemFor } from '../plugins/problems.js'
import {
  listOwnerTicketSummaries,
  ownerTicketBaseOf,
  ownerTicketJsonAt,
} from '../workflow/owner-tickets.js'
import { workflowContext } from './owner-context.js'
import type { RouteDoc } from './route-doc.js'

// Any text: an id that is not a ticket of mine is not found, never a validation error.
export const ticketParamsSchema = z.object({ id: z.string().max(200) })

export const ticketRoutes: FastifyPluginCallback<AppDeps> = (app, deps, done) => {
  app.addHook('preHandler', requireOwner(deps))

  app.get('/tickets', async (request) => {
    const owner = getOwner(request)
    const context = await workflowContext(deps)
    return { tickets: await listOwnerTicketSummaries(deps.db.read, owner.ownerId, context) }
  })

  app.get('/tickets/:id', async (request, reply) => {
    const owner = getOwner(request)
    const { id } = ticketParamsSchema.parse(request.params)
    const found = await ownerTicketBaseOf(deps.db.read, deps.reads, owner.ownerId, id)
    if (!found) throw problemFor(404)
    const json = ownerTicketJsonAt(found, await workflowContext(deps))
    return reply.type('application/json; charset=utf-8').send(json)
  })
  done()
}

export const ticketsDocs: RouteDoc[] = [
  {
    method: 'GET',
    path: '/api/tickets',
    summary: 'My tickets, newest first, with status, due and rating',
    tags: ['tickets'],
    auth: { kind: 'owner' },
    responses: {
      200: { description: "The device's owner's tickets", schema: ticketListSchema },
      401: { description: 'No or unknown device credential' },
    },
  },
  {
    method: 'GET',
    path: '/api/tickets/{id}',
    summary: 'One of my tickets: history (no internal notes), reply, attachments, what I may do',
    tags: ['tickets'],
    auth: { kind: 'owner' },
    params: ticketParamsSchema,
    responses: {
      200: { description: 'The ticket', schema: ticketSchema },
      401: { description: 'No or unknown device credential' },
      404: { description: 'No such ticket, or not mine (the same answer)' },
    },
  },
]
