// GET /api/receipts/:number?code=…: the public view of one ticket for whoever holds its receipt.
// A wrong number and a wrong code get the same 404; failures are counted per number and per
// address, so the 6-character code cannot be guessed by trying.
import { timingSafeEqual } from 'node:crypto'
import type { FastifyPluginCallback } from 'fastify'
import { z } from 'zod'
import type { AppDeps } from '../app.js'
import { receiptSchema } from '../contract.js'
import { problemFor } from '../plugins/problems.js'
import type { TicketRow } from '../storage/tickets.js'
import { findTicketByNumber } from '../storage/tickets.js'
import { loadReceipt } from '../workflow/ticket-views.js'
import { workflowContext } from './owner-context.js'
import { checkLimit, countFailure } from './owner-limits.js'
import type { RouteDoc } from './route-doc.js'

const paramsSchema = z.object({ number: z.string().max(40) })
const querySchema = z.object({ code: z.string().max(40).optional() })

const isCodeOf = (row: TicketRow | undefined, code: string): row is TicketRow => {
  if (!row) return false
  const given = Buffer.from(code.trim().toUpperCase())
  const expected = Buffer.from(row.verification_code)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

export const receiptRoutes: FastifyPluginCallback<AppDeps> = (app, deps, done) => {
  app.get('/receipts/:number', async (request, reply) => {
    const number = paramsSchema.parse(request.params).number.trim().toUpperCase()
    const { code = '' } = querySchema.parse(request.query)
    await checkLimit(deps, reply, 'receiptFailuresPerAddress', request.ip)
    await checkLimit(deps, reply, 'receiptFailuresPerNumber', number)
    const row = await findTicketByNumber(deps.db.db, number)
    if (!isCodeOf(row, code)) {
      await countFailure(deps, 'receiptFailuresPerAddress', request.ip)
      await countFailure(deps, 'receiptFailuresPerNumber', number)
      throw problemFor(404)
    }
    return loadReceipt(deps.db.db, row, await workflowContext(deps))
  })
  done()
}

export const receiptsDocs: RouteDoc[] = [
  {
    method: 'GET',
    path: '/api/receipts/{number}',
    summary: 'Look a ticket up by its receipt (number and verification code), no account needed',
    tags: ['tickets'],
    auth: { kind: 'public' },
    params: paramsSchema,
    query: querySchema,
    responses: {
      200: {
        description:
          'Progress only: status, due, history with its public notes and the reply; never the ' +
          'description, contact, business or attachments',
        schema: receiptSchema,
      },
      404: { description: 'Wrong number or wrong code (the same answer)' },
      429: {
        description:
          'Too many wrong codes for this number (10 an hour) or from this address (50 an hour)',
      },
    },
  },
]
