/**
 * The staff queue, the full ticket and the events that move it. Every id route answers 404 for a
 * ticket out of the caller's scope, exactly as for a missing one. Each full read is audited. An
 * event goes through applyTicketEvent in one transaction, so a refusal changes nothing; an
 * optional Idempotency-Key makes a double click answer twice with the first result. The use cases
 * are workflow/staff-queue.ts and workflow/staff-tickets.ts; this file parses and answers.
 */
import type { FastifyPluginCallback, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { AppDeps } from '../deps/app-deps.js'
import {
  staffQueueQuerySchema,
  problemSchema,
  staffEventSchema,
  staffQueueSchema,
  staffTicketSchema,
} from '../contract.js'
import { ProblemError } from '../plugins/problems.js'
import { requireStaff, staffOf } from '../plugins/staff-auth.js'
import { readQueue } from '../workflow/staff-queue.js'
import { raiseStaffEvent, readStaffTicket } from '../workflow/staff-tickets.js'
import type { RouteDoc } from './route-doc.js'

export const ticketParams = z.object({ id: z.string().min(1).max(64) })
export const IDEMPOTENCY_HEADER = 'idempotency-key'
const TICKET_ROLES = ['desk', 'unit', 'office', 'window', 'workstation'] as const
const queueQuery = staffQueueQuerySchema

function idempotencyKeyOf(request: FastifyRequest): string | null {
  const value = request.headers[IDEMPOTENCY_HEADER]
  if (value === undefined) return null
  if (typeof value !== 'string' || !/^[\x21-\x7e]{1,128}$/.test(value)) {
    throw new ProblemError(
      422,
      'invalid_idempotency_key',
      { zh: '幂等键格式不正确。', en: 'The Idempotency-Key header is invalid.' },
      [{ field: 'Idempotency-Key', code: 'invalid' }],
    )
  }
  return value
}

export const staffTicketRoutes: FastifyPluginCallback<AppDeps> = (app, deps, done) => {
  const { db, clock } = deps
  const guard = requireStaff(deps, TICKET_ROLES)

  app.get('/staff/queue', { preHandler: guard }, async (request) => {
    const staff = staffOf(request)
    const filter = queueQuery.parse(request.query)
    return { tickets: await readQueue(db.db, staff, filter, clock.now()) }
  })

  app.get('/staff/tickets/:id', { preHandler: guard }, async (request) => {
    const { id } = ticketParams.parse(request.params)
    return readStaffTicket(db.db, staffOf(request), id, clock.now())
  })

  app.post('/staff/tickets/:id/events', { preHandler: guard }, async (request, reply) => {
    const { id } = ticketParams.parse(request.params)
    const event = staffEventSchema.parse(request.body)
    const staff = staffOf(request)
    const key = idempotencyKeyOf(request)
    const response = await raiseStaffEvent(db.db, staff, { ticketId: id, event, key }, clock.now())
    return reply.code(response.status).send(response.body)
  })

  done()
}

const problem = (description: string) => ({ description, schema: problemSchema })
const STAFF = { kind: 'staff', roles: TICKET_ROLES } as const

export const staffTicketDocs: RouteDoc[] = [
  {
    method: 'GET',
    path: '/api/staff/queue',
    summary: 'What awaits me, earliest due first, with near-due and overdue flags',
    tags: ['staff'],
    auth: STAFF,
    query: queueQuery,
    responses: {
      200: {
        description:
          'My queue (at most 500 tickets); a window clerk or workstation: what it registered',
        schema: staffQueueSchema,
      },
      401: problem('Not signed in'),
      403: problem('The admin has no queue'),
    },
  },
  {
    method: 'GET',
    path: '/api/staff/tickets/{id}',
    summary: 'The full ticket with internal notes; the read is audited',
    tags: ['staff'],
    auth: STAFF,
    params: ticketParams,
    responses: {
      200: { description: 'The ticket as I may see it', schema: staffTicketSchema },
      401: problem('Not signed in'),
      403: problem('The admin reads no tickets'),
      404: problem('No such ticket, or not in my scope'),
    },
  },
  {
    method: 'POST',
    path: '/api/staff/tickets/{id}/events',
    summary: 'Applies one lifecycle event; nothing changes when it is refused',
    tags: ['staff'],
    auth: STAFF,
    params: ticketParams,
    body: staffEventSchema,
    headers: {
      'Idempotency-Key': 'Optional; the same key and body again returns the first answer',
    },
    responses: {
      200: { description: 'The updated ticket', schema: staffTicketSchema },
      401: problem('Not signed in'),
      403: problem('My role (or my unit) may not raise this event'),
      404: problem('No such ticket, or not in my scope'),
      409: problem(
        'The ticket is not in a state that allows it, or it changed meanwhile, or the key was used with another body',
      ),
      415: problem('The body is not JSON'),
      422: problem('Missing or invalid event data (e.g. an unknown unit)'),
    },
  },
]
