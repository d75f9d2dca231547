// POST /api/reports: an owner's report becomes a ticket, exactly once per client id.
import type { FastifyPluginCallback } from 'fastify'
import type { AppDeps } from '../deps/app-deps.js'
import { reportInputSchema, ticketSchema } from '../contract.js'
import { getOwner, requireOwner } from '../plugins/owner-auth.js'
import type { SubmissionDeps } from '../workflow/report-submission.js'
import { submitReportForOwner } from '../workflow/report-submission.js'
import type { WorkflowContext } from '../workflow/ticket-workflow.js'
import { workflowContext } from './owner-context.js'
import { countHit } from './owner-limits.js'
import type { RouteDoc } from './route-doc.js'

export const reportRoutes: FastifyPluginCallback<AppDeps> = (app, deps, done) => {
  app.post('/reports', { preHandler: requireOwner(deps) }, async (request, reply) => {
    const owner = getOwner(request)
    await countHit(deps, reply, 'report', owner.deviceId)
    const input = reportInputSchema.parse(request.body)
    const { isNew, ticket } = await submitReportForOwner(
      submissionDeps(deps, await workflowContext(deps)),
      owner,
      input,
    )
    return reply.code(isNew ? 201 : 200).send(ticket)
  })
  done()
}

/** What a report's use case needs of the app. Reads see committed data only; the ticket is
 * written through the store's group commit. */
export const submissionDeps = (deps: AppDeps, context: WorkflowContext): SubmissionDeps => ({
  db: deps.db.read,
  write: deps.db.write,
  codeSecret: deps.secrets.codeSecret,
  context,
})

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
