// POST /api/reports/batch: several reports in one request, each handled exactly as
// `POST /api/reports` handles it (the same use case, the same idempotency by the report's id),
// each with its own answer. An outbox emptying after a phone was offline sends a few requests
// instead of hundreds; a batch whose answer was lost is sent again and creates nothing twice.
import type { FastifyPluginCallback, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../deps/app-deps.js'
import type { ReportBatchAnswer } from '../contract.js'
import {
  REPORT_BATCH_MAX,
  reportBatchAnswerSchema,
  reportBatchInputSchema,
  reportInputSchema,
} from '../contract.js'
import { asProblem } from '../plugins/error-handler.js'
import { getOwner, requireOwner } from '../plugins/owner-auth.js'
import { problemFor, toProblem } from '../plugins/problems.js'
import type { WorkflowContext } from '../workflow/ticket-workflow.js'
import { workflowContext } from './owner-context.js'
import { submitReportForOwner } from '../workflow/report-submission.js'
import { countHit } from './owner-limits.js'
import { submissionDeps } from './reports.js'
import type { RouteDoc } from './route-doc.js'

type Answer = ReportBatchAnswer['results'][number]

async function answerOne(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  context: WorkflowContext,
  report: unknown,
): Promise<Answer> {
  const owner = getOwner(request)
  try {
    await countHit(deps, reply, 'report', owner.deviceId)
    const { isNew, ticket } = await submitReportForOwner(
      submissionDeps(deps, context),
      owner,
      reportInputSchema.parse(report),
    )
    return { status: isNew ? 201 : 200, body: ticket }
  } catch (error) {
    const thrown = error instanceof Error ? error : new Error(String(error))
    const problem = asProblem(thrown)
    if (problem) return { status: problem.status, body: toProblem(problem) }
    request.log.error({ err: thrown }, 'unhandled error in a report batch')
    return { status: 500, body: toProblem(problemFor(500)) }
  }
}

export const reportBatchRoutes: FastifyPluginCallback<AppDeps> = (app, deps, done) => {
  app.post('/reports/batch', { preHandler: requireOwner(deps) }, async (request, reply) => {
    const { reports } = reportBatchInputSchema.parse(request.body)
    const context = await workflowContext(deps)
    // Side by side: the store's group commit writes them in one transaction, one fsync. Each
    // report is its own ticket, so their order among themselves does not matter.
    const results = await Promise.all(
      reports.map((report) => answerOne(deps, request, reply, context, report)),
    )
    return reply.code(200).send({ results } satisfies ReportBatchAnswer)
  })
  done()
}

export const reportBatchDocs: RouteDoc[] = [
  {
    method: 'POST',
    path: '/api/reports/batch',
    summary: `Send up to ${REPORT_BATCH_MAX} reports at once; each is answered as POST /api/reports would answer it`,
    tags: ['reports'],
    auth: { kind: 'owner' },
    body: reportBatchInputSchema,
    responses: {
      200: {
        description:
          'One answer per report, in order: 201 and the new ticket, 200 and the same ticket ' +
          'again (its id was sent before), or the problem (409, 422, 429) that report alone met',
        schema: reportBatchAnswerSchema,
      },
      401: { description: 'No or unknown device credential' },
      422: { description: `Not a list of 1 to ${REPORT_BATCH_MAX} reports` },
    },
  },
]
