// GET /api/receipts/:number?code=…: the public view of one ticket for whoever holds its receipt.
// A wrong number and a wrong code get the same 404; every look-up is claimed per (number,
// address), per number and per address before the code is compared, and given back when it was
// right, so the 6-character code cannot be guessed by trying, in sequence or in parallel.
import type { FastifyPluginCallback } from 'fastify'
import { z } from 'zod'
import type { AppDeps } from '../deps/app-deps.js'
import { receiptSchema } from '../contract.js'
import { problemFor } from '../plugins/problems.js'
import { findTicketByReceipt } from '../workflow/receipts.js'
import { loadReceipt } from '../workflow/ticket-views.js'
import { workflowContext } from './owner-context.js'
import { refuseTooMany } from './owner-limits.js'
import {
  RECEIPT_RULES,
  claimGuess,
  receiptGuesses,
  settleRightGuess,
} from '../workflow/guess-limits.js'
import type { RouteDoc } from './route-doc.js'

const paramsSchema = z.object({ number: z.string().max(40) })
const querySchema = z.object({ code: z.string().max(40).optional() })

export const receiptRoutes: FastifyPluginCallback<AppDeps> = (app, deps, done) => {
  app.get('/receipts/:number', async (request, reply) => {
    const number = paramsSchema.parse(request.params).number.trim().toUpperCase()
    const { code = '' } = querySchema.parse(request.query)
    // Claimed before the code is compared, so parallel guesses cannot all pass a limit.
    const claimed = deps.config.rateLimits
      ? await claimGuess(deps.db.db, receiptGuesses(number, request.ip), deps.clock.now())
      : null
    if (claimed && !claimed.allowed) refuseTooMany(reply, claimed.retryAfterMs)
    const row = await findTicketByReceipt(deps.db.db, number, code)
    if (!row) throw problemFor(404)
    if (claimed) await settleRightGuess(deps.db.db, claimed, RECEIPT_RULES.pair.prefix)
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
          'Too many wrong codes for this number from this address (10 an hour, then a delay ' +
          'that doubles from 1 minute), for this number (30 an hour) or from this address ' +
          '(50 an hour) (Retry-After)',
      },
    },
  },
]
