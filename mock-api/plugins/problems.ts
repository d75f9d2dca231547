/**
 * Every API error leaves as RFC 9457 problem details (`problemSchema` in contract.ts) with a
 * message in Chinese and English the app shows as is. Routes throw `ProblemError`; the error
 * handler turns anything else into the closest problem by status.
 */
import type { Problem } from '../contract.js'

export type Message = { zh: string; en: string }
export type FieldError = { field: string; code: string }

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8'

/** Messages for the problems the framework raises; routes bring their own for domain refusals. */
export const STATUS_PROBLEMS: Readonly<Record<number, { code: string; message: Message }>> = {
  400: problem('bad_request', '请求格式不正确。', 'The request is malformed.'),
  401: problem('unauthorized', '请先登录或重新打开应用。', 'Please sign in first.'),
  403: problem('forbidden', '没有权限进行此操作。', 'You may not do this.'),
  404: problem('not_found', '找不到请求的内容。', 'Nothing was found here.'),
  405: problem('method_not_allowed', '不支持此操作。', 'This method is not allowed here.'),
  409: problem('conflict', '与现有数据冲突。', 'This conflicts with the current state.'),
  413: problem('body_too_large', '提交的内容太大。', 'The request body is too large.'),
  414: problem('uri_too_long', '请求的地址太长。', 'The request address is too long.'),
  415: problem(
    'unsupported_media_type',
    '不支持此内容类型。',
    'This content type is not supported.',
  ),
  422: problem('validation_failed', '填写的内容有误，请检查。', 'Some fields are invalid.'),
  429: problem('rate_limited', '操作过于频繁，请稍后再试。', 'Too many requests; try again later.'),
  500: problem('internal', '服务暂时出错，请稍后再试。', 'Something went wrong; try again later.'),
  503: problem(
    'unavailable',
    '服务暂时不可用，请稍后再试。',
    'The service is unavailable for now.',
  ),
}

function problem(code: string, zh: string, en: string) {
  return { code, message: { zh, en } }
}

/** RFC 9457 extension members, e.g. when an urge becomes available or how many tries are left. */
export type Extensions = Readonly<Record<string, string | number | boolean | null>>

export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: Message,
    readonly errors?: readonly FieldError[],
    readonly extensions?: Extensions,
  ) {
    super(`${status} ${code}: ${text.en}`)
    this.name = 'ProblemError'
  }
}

/** The same problem with extension members added. */
export const withExtensions = (error: ProblemError, extensions: Extensions): ProblemError =>
  new ProblemError(error.status, error.code, error.text, error.errors, {
    ...error.extensions,
    ...extensions,
  })

/** The standard problem for a status, e.g. `problemFor(404)`; falls back to 400 or 500. */
export function problemFor(status: number, errors?: readonly FieldError[]): ProblemError {
  const known = STATUS_PROBLEMS[status] ?? STATUS_PROBLEMS[status < 500 ? 400 : 500]
  if (!known) throw new RangeError(`no problem for ${status}`)
  return new ProblemError(status, known.code, known.message, errors)
}

export function toProblem(error: ProblemError): Problem {
  return {
    ...error.extensions,
    type: `urn:guishang:problem:${error.code}`,
    title: error.text.en,
    status: error.status,
    message: error.text,
    ...(error.errors ? { errors: [...error.errors] } : {}),
  }
}
