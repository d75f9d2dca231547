// POST /api/claims: the owner's phone takes on a registered report with its receipt. A wrong
// number or code is a 404, counted like a wrong receipt look-up (the same limits and counters,
// since both guess the same code).
import type { FastifyPluginCallback } from 'fastify'
import type { AppDeps } from '../deps/app-deps.js'
import { claimInputSchema, ticketSchema } from '../contract.js'
import { getOwner, requireOwner } from '../plugins/owner-auth.js'
import { problemFor } from '../plugins/problems.js'
import { claimTicket } from '../workflow/claims.js'
import { loadOwnerTicket } from '../workflow/ticket-views.js'
import { workflowContext } from './owner-context.js'
import {
  RECEIPT_RULES,
  claimGuess,
  receiptGuesses,
  settleRightGuess,
} from '../workflow/guess-limits.js'
import type { RouteDoc } from './route-doc.js'

export const claimRoutes: FastifyPluginCallback<AppDeps> = (app, deps, done) => {
  app.post('/claims', { preHandler: requireOwner(deps) }, async (request, reply) => {
    const owner = getOwner(request)
    const input = claimInputSchema.parse(request.body)
    // Claimed before the code is compared, so parallel guesses cannot all pass a limit.
    const claimed = deps.config.rateLimits
      ? await claimGuess(deps.db.db, receiptGuesses(input.number, request.ip), deps.clock.now())
      : null
    if (claimed && !claimed.allowed) {
      reply.header('retry-after', Math.max(1, Math.ceil(claimed.retryAfterMs / 1000)))
      throw problemFor(429)
    }
    const context = await workflowContext(deps)
    const result = await claimTicket(
      {
        db: deps.db.db,
        write: deps.db.write,
        codeSecret: deps.secrets.codeSecret,
        now: context.now,
      },
      owner,
      input,
    )
    if (result.kind === 'not_found') throw problemFor(404)
    if (claimed) await settleRightGuess(deps.db.db, claimed, RECEIPT_RULES.pair.prefix)
    return loadOwnerTicket(deps.db.db, result.ticket, context)
  })
  done()
}

export const claimsDocs: RouteDoc[] = [
  {
    method: 'POST',
    path: '/api/claims',
    summary: 'Add a registered report to this phone with its receipt (number and code)',
    tags: ['tickets'],
    auth: { kind: 'owner' },
    body: claimInputSchema,
    responses: {
      200: {
        description:
          'The ticket, now this owner’s: it is in GET /api/tickets (claiming again is the same)',
        schema: ticketSchema,
      },
      401: { description: 'No or unknown device credential' },
      404: { description: 'Wrong number or wrong code (the same answer)' },
      409: {
        description:
          '`already_claimed`: another phone claimed it; `not_registered`: it was sent from a phone',
      },
      429: { description: 'Too many wrong codes for this number or from this address' },
    },
  },
]
