// GET /api/codes/:token: the service point a scanned window code names (public, rate-limited).
import type { FastifyPluginCallback, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { AppDeps } from '../deps/app-deps.js'
import { servicePointSchema } from '../contract.js'
import { ProblemError } from '../plugins/problems.js'
import { countRequest } from '../workflow/request-limits.js'
import { lookUpWindowCode } from '../workflow/window-codes.js'
import { refuseTooMany } from './owner-limits.js'
import type { RouteDoc } from './route-doc.js'
import { toServicePointJson } from './service-point-json.js'

/** A person scans a few codes a minute at most; more is someone walking the token space. */
export const CODE_LOOKUP_LIMIT = { limit: 30, windowMs: 60_000 }

// Any text: what is not a token we signed is an unknown code (404), never a validation error.
const paramsSchema = z.object({ token: z.string() })

export const unknownCode = () =>
  new ProblemError(404, 'unknown_code', {
    zh: '无法识别此二维码，请手动选择所在城市和区县。',
    en: 'This code is not one of ours; choose your city and county by hand.',
  })

export const retiredCode = () =>
  new ProblemError(410, 'retired_code', {
    zh: '此二维码已停用，请手动选择所在城市和区县。',
    en: 'This code has been retired; choose your city and county by hand.',
  })

/** Window-code and entity-code look-ups share one per-address limit: both are scans of a code. */
export async function limitLookups(deps: AppDeps, request: FastifyRequest, reply: FastifyReply) {
  if (!deps.config.rateLimits) return
  const key = `code:${request.ip}`
  const result = await countRequest(deps.db.db, key, CODE_LOOKUP_LIMIT, deps.clock.now())
  if (!result.allowed) refuseTooMany(reply, result.retryAfterMs)
}

export const codeRoutes: FastifyPluginCallback<AppDeps> = (app, deps, done) => {
  app.get('/codes/:token', async (request, reply) => {
    await limitLookups(deps, request, reply)
    const { token } = paramsSchema.parse(request.params)
    const lookup = await lookUpWindowCode(deps.db.db, deps.secrets.codeSecret, token)
    if (lookup.kind === 'unknown') throw unknownCode()
    if (lookup.kind === 'retired') throw retiredCode()
    return toServicePointJson(lookup.point)
  })
  done()
}

export const codesDocs: RouteDoc[] = [
  {
    method: 'GET',
    path: '/api/codes/{token}',
    summary: 'The service point a window code names (after a scan of `/q/<token>`)',
    tags: ['codes'],
    auth: { kind: 'public' },
    params: paramsSchema,
    responses: {
      200: { description: 'The service point, to pre-fill the draft', schema: servicePointSchema },
      404: { description: '`unknown_code`: not a token this server signed (forged or altered)' },
      410: { description: '`retired_code`: the point is retired or its codes were re-issued' },
      429: { description: 'Too many lookups from this address; see Retry-After' },
    },
  },
]
