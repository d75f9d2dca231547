/**
 * application/x-www-form-urlencoded bodies, for the Open311 routes only (the rest of the API takes
 * JSON). Strict like our JSON parser: the body must be UTF-8, each percent-escape must decode to
 * UTF-8 (decodeURIComponent throws where URLSearchParams would put U+FFFD), and a field given twice
 * is refused rather than one copy silently winning. The app's body limit applies as to any body.
 */
import type { FastifyInstance } from 'fastify'
import { ProblemError } from '../../plugins/problems.js'

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded'

const utf8 = new TextDecoder('utf-8', { fatal: true })

const malformed = () =>
  new ProblemError(
    400,
    'invalid_form',
    {
      zh: '表单内容不是有效的 UTF-8 URL 编码。',
      en: 'The form body is not valid UTF-8 URL encoding.',
    },
    [{ field: 'body', code: 'invalid_form' }],
  )

const duplicate = (field: string) =>
  new ProblemError(400, 'duplicate_field', { zh: '字段重复。', en: 'A field was given twice.' }, [
    { field, code: 'duplicate_field' },
  ])

const decode = (part: string) => decodeURIComponent(part.replaceAll('+', ' '))

/** The fields of a form body; throws a 400 ProblemError for broken encoding or a repeated field. */
export function parseForm(body: Buffer): Record<string, string> {
  let text: string
  try {
    text = utf8.decode(body)
  } catch {
    throw malformed()
  }
  const fields: Record<string, string> = Object.create(null) as Record<string, string>
  for (const pair of text.split('&')) {
    if (pair === '') continue
    const at = pair.indexOf('=')
    let name: string
    let value: string
    try {
      name = decode(at === -1 ? pair : pair.slice(0, at))
      value = at === -1 ? '' : decode(pair.slice(at + 1))
    } catch {
      throw malformed()
    }
    if (Object.hasOwn(fields, name)) throw duplicate(name)
    fields[name] = value
  }
  return fields
}

/** In this plugin's scope: form bodies only; JSON and everything else are 415. */
export function acceptFormBodies(app: FastifyInstance): void {
  app.removeAllContentTypeParsers()
  app.addContentTypeParser<Buffer>(
    FORM_CONTENT_TYPE,
    { parseAs: 'buffer' },
    (_request, body, done) => {
      try {
        done(null, parseForm(body))
      } catch (error) {
        done(error as Error, undefined)
      }
    },
  )
}
