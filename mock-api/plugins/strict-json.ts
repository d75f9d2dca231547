// JSON bodies must be valid UTF-8. Node decodes leniently (each broken byte sequence becomes
// U+FFFD), so a report with broken bytes would otherwise be stored with its text silently
// changed; it is refused with 400 like any other malformed JSON, and nothing is stored.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { ProblemError } from './problems.js'

const utf8 = new TextDecoder('utf-8', { fatal: true })

const invalidUtf8 = () =>
  new ProblemError(
    400,
    'invalid_utf8',
    { zh: '请求内容不是有效的 UTF-8 文本。', en: 'The request body is not valid UTF-8.' },
    [{ field: 'body', code: 'invalid_utf8' }],
  )

type Done = (error: Error | null, body?: unknown) => void
// Fastify's default parser is the callback form; its declared type also allows a promise.
type CallbackParser = (request: FastifyRequest, body: string, done: Done) => void

/** Replaces Fastify's JSON parser with one that refuses invalid UTF-8 (same poisoning rules). */
export function registerStrictJson(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error') as CallbackParser
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser<Buffer>(
    'application/json',
    { parseAs: 'buffer' },
    (request, body, done) => {
      let text: string
      try {
        text = utf8.decode(body)
      } catch {
        done(invalidUtf8(), undefined)
        return
      }
      parseJson(request, text, done)
    },
  )
}
