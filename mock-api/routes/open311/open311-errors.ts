/**
 * Errors on the Open311 door leave in GeoReport v2's form, an array of {code, description} with
 * `code` the HTTP status, instead of our problem+json: Open311 clients read only that. Each field
 * at fault is one entry. A validation refusal is 400 (the specification knows no 422); a missing or
 * unknown api_key is 403, as the specification says; the rest keep their status. Descriptions carry
 * the Chinese and the English message.
 */
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify'
import { ZodError } from 'zod'
import type { FieldError, Message } from '../../plugins/problems.js'
import { ProblemError, STATUS_PROBLEMS } from '../../plugins/problems.js'
import type { Open311Errors } from '../../contract/open311.js'
import { open311FieldOf } from '../../workflow/open311/report-form.js'
import { asProblemError } from '../../plugins/refusal-table.js'

const JSON_TYPE = 'application/json; charset=utf-8'

const describe = (message: Message) => `${message.zh} ${message.en}`

const FIELD_MESSAGES: Readonly<Record<string, (field: string) => Message>> = {
  required: (field) => ({ zh: `缺少 ${field}。`, en: `${field} is required.` }),
  unknown: (field) => ({ zh: `${field} 不存在。`, en: `${field} names nothing we know.` }),
  duplicate_field: (field) => ({ zh: `${field} 重复。`, en: `${field} was given twice.` }),
}

function fieldEntry(status: number, { field, code }: FieldError) {
  const name = open311FieldOf(field)
  const message = FIELD_MESSAGES[code]?.(name) ?? {
    zh: `${name} 有误（${code}）。`,
    en: `${name} is invalid (${code}).`,
  }
  return { code: status, description: describe(message) }
}

export function open311ErrorsOf(status: number, message: Message, fields?: readonly FieldError[]) {
  const entries: Open311Errors =
    fields && fields.length > 0
      ? fields.map((field) => fieldEntry(status, field))
      : [{ code: status, description: describe(message) }]
  return entries
}

export const sendOpen311Error = (reply: FastifyReply, error: ProblemError): FastifyReply => {
  const status = error.status === 422 ? 400 : error.status
  return reply
    .code(status)
    .type(JSON_TYPE)
    .send(open311ErrorsOf(status, error.text, error.errors))
}

const standard = (status: number): ProblemError => {
  const known = STATUS_PROBLEMS[status] ?? STATUS_PROBLEMS[status < 500 ? 400 : 500]
  if (!known) throw new RangeError(`no message for ${status}`)
  return new ProblemError(status, known.code, known.message)
}

export const open311Refusal = (fields: readonly FieldError[]): ProblemError =>
  new ProblemError(400, 'invalid_request', standard(400).text, fields)

function asOpen311Problem(error: FastifyError | Error): ProblemError | null {
  const known = asProblemError(error)
  if (known) return known
  if (error instanceof ZodError) {
    return open311Refusal(
      error.issues.map((issue) => ({ field: issue.path.map(String).join('.'), code: issue.code })),
    )
  }
  if (!('statusCode' in error) || typeof error.statusCode !== 'number') return null
  return error.statusCode >= 400 && error.statusCode < 500 ? standard(error.statusCode) : null
}

/** Open311's error form for every error and every unknown path under the plugin's prefix. */
export function registerOpen311Errors(app: FastifyInstance): void {
  app.setErrorHandler<FastifyError | Error>((error, request, reply) => {
    const problem = asOpen311Problem(error)
    if (problem) return sendOpen311Error(reply, problem)
    request.log.error({ err: error }, 'unhandled error')
    return sendOpen311Error(reply, standard(500))
  })
  app.setNotFoundHandler((_request, reply) => sendOpen311Error(reply, standard(404)))
  // With the PWA built, its static wildcard (`/*`) would take unknown Open311 paths and hand them
  // to the app's own not-found handler (the app shell); this narrower wildcard keeps them here.
  app.all('/*', (_request, reply) => sendOpen311Error(reply, standard(404)))
}

export const open311NotFound = (): ProblemError => standard(404)

export const open311Forbidden = (missing: boolean): ProblemError =>
  new ProblemError(
    403,
    'invalid_api_key',
    missing
      ? { zh: '缺少 api_key（设备凭证）。', en: 'api_key (a device credential) is required.' }
      : { zh: 'api_key 无效或已停用。', en: 'The api_key is unknown or revoked.' },
  )
