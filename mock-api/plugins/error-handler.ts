// One place where errors become responses: ProblemError as thrown, a use case's Refused by the
// refusal table (refusal-table.ts), zod and schema validation as
// 422 with the fields at fault, framework errors by their status, anything else a logged 500
// whose details stay in the log.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { ZodError } from 'zod'
import type { FieldError, ProblemError } from './problems.js'
import { PROBLEM_CONTENT_TYPE, problemFor, toProblem } from './problems.js'
import { asProblemError } from './refusal-table.js'
import { applySecurityHeaders } from './security-headers.js'

const CODE_LIKE = /^[a-z][a-z0-9_]*$/

export function sendProblem(reply: FastifyReply, error: ProblemError): FastifyReply {
  return reply.code(error.status).type(PROBLEM_CONTENT_TYPE).send(toProblem(error))
}

function fieldsOf(error: ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join('.'),
    code: CODE_LIKE.test(issue.message) ? issue.message : issue.code,
  }))
}

/** The problem an error answers with; null for an unexpected one (a logged 500). */
export function asProblem(error: FastifyError | Error): ProblemError | null {
  const known = asProblemError(error)
  if (known) return known
  if (error instanceof ZodError) return problemFor(422, fieldsOf(error))
  if (!('statusCode' in error) || typeof error.statusCode !== 'number') return null
  if (error.validation) {
    return problemFor(
      422,
      error.validation.map((v) => ({
        field: v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
        code: v.keyword,
      })),
    )
  }
  return error.statusCode >= 400 && error.statusCode < 500 ? problemFor(error.statusCode) : null
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler<FastifyError | Error>((error, request, reply) => {
    const problem = asProblem(error)
    if (problem) return sendProblem(reply, problem)
    request.log.error({ err: error }, 'unhandled error')
    return sendProblem(reply, problemFor(500))
  })
}

/**
 * The router's own refusals (bad percent-encoding 400, a path parameter over the length limit
 * 414) skip every hook: they get the security headers, no-store and a problem here, and never
 * the URL back (it may carry whatever the sender wanted to see reflected).
 */
export function answerFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  applySecurityHeaders(request, reply)
  reply.header('cache-control', 'no-store')
  void sendProblem(reply, problemFor(error.statusCode === 414 ? 414 : 400))
}
