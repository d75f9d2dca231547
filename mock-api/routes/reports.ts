// POST /api/reports: an owner's report becomes a ticket, exactly once per client id.
import type { FastifyPluginCallback } from 'fastify'
import type { AppDeps } from '../deps/app-deps.js'
import type { ReportInput, Ticket } from '../contract.js'
import { reportInputSchema, ticketSchema } from '../contract.js'
import { getOwner, requireOwner } from '../plugins/owner-auth.js'
import type { OwnerIdentity } from '../workflow/owner-identity.js'
import { submitReport } from '../workflow/report-submission.js'
import { loadNewOwnerTicket, loadOwnerTicket } from '../workflow/ticket-views.js'
import type { WorkflowContext } from '../workflow/ticket-workflow.js'
import { workflowContext } from './owner-context.js'
import { countHit } from './owner-limits.js'
import type { RouteDoc } from './route-doc.js'

export const reportRoutes: FastifyPluginCallback<AppDeps> = (app, deps, done) => {
  app.post('/reports', { preHandler: requireOwner(deps) }, async (request, reply) => {
    const owner = getOwner(request)
    await countHit(deps, reply, 'report', owner.deviceId)
    const input = reportInputSchema.parse(request.body)
    const { status, ticket } = await answerReport(deps, owner, input, await workflowContext(deps))
    return reply.code(status).send(ticket)
  })
  done()
}

/**
 * One report's answer: 201 and the new ticket, or 200 and the ticket this client id already
 * made. `POST /reports/batch` answers each of its reports with it too.
 */
export async function answerReport(
  deps: AppDeps,
  owner: OwnerIdentity,
  input: ReportInput,
  context: WorkflowContext,
): Promise<{ status: 200 | 201; ticket: Ticket }> {
  // Reads see committed data only; the ticket is written through the store's group commit.
  const { read: db, write } = deps.db
  const submission = await submitReport(
    { db, write, codeSecret: deps.secrets.codeSecret, context },
    owner,
    input,
  )
  const ticket = submission.isNew
    ? await loadNewOwnerTicket(db, submission.ticket, submission.point, context)
    : await loadOwnerTicket(db, submission.ticket, context)
  return { status: submission.isNew ? 201 : 200, ticket }
}

export const reportsDocs: RouteDoc[] = [
  {
    method: 'POST',
    path: '/api/reports',
    summary: 'Send a report; it becomes a ticket with its receipt (number and code)',
    tags: ['reports'],
    auth: { kind: 'owner' },
    body: reportInputSchema,
    responses: {
      201: { description: 'The new ticket', schema: ticketSchema },
      200: { description: 'The same id and body again: the same ticket', schema: ticketSchema },
      401: { description: 'No or unknown device credential' },
      409: {
        description: '`report_conflict`: this id was used with another body (or by another owner)',
      },
      422: {
        description:
          'A field at fault: format, unknown division or category, `credit_code_checksum` (send ' +
          '`business.creditCodeConfirmed: true` to keep the code), `invalid_code` or ' +
          '`retired_code` for `servicePointToken`',
      },
      429: { description: 'Too many reports from this device; see Retry-After' },
    },
  },
]
