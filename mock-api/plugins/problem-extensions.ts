/**
 * Problems that carry RFC 9457 extension members besides the standard ones, e.g. when an urge
 * becomes available (`availableAt`) or how many code attempts are left (`attemptsLeft`). A route
 * plugin that throws them calls registerProblemExtensions on its own instance; anything else
 * falls through to the app's error handler.
 */
import type { FastifyInstance } from 'fastify'
import type { FieldError, Message } from './problems.js'
import { PROBLEM_CONTENT_TYPE, ProblemError, toProblem } from './problems.js'

export type Extensions = Readonly<Record<string, string | number | boolean | null>>

export class ExtendedProblemError extends ProblemError {
  constructor(
    status: number,
    code: string,
    text: Message,
    readonly extensions: Extensions,
    errors?: readonly FieldError[],
  ) {
    super(status, code, text, errors)
    this.name = 'ExtendedProblemError'
  }
}

export const withExtensions = (error: ProblemError, extensions: Extensions): ExtendedProblemError =>
  new ExtendedProblemError(error.status, error.code, error.text, extensions, error.errors)

export function registerProblemExtensions(app: FastifyInstance): void {
  app.setErrorHandler((error, _request, reply) => {
    if (!(error instanceof ExtendedProblemError)) throw error
    return reply
      .code(error.status)
      .type(PROBLEM_CONTENT_TYPE)
      .send({ ...error.extensions, ...toProblem(error) })
  })
}
