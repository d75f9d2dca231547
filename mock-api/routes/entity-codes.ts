/**
 * Entity codes (经营主体服务码): `GET /api/entity-codes/:token` tells the app which business a
 * scanned `/e/<token>` names (public, rate-limited like window codes); admins and window clerks
 * issue, list, print and retire them under `/api/staff/entity-codes`.
 */
import type { FastifyPluginCallback, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { AppDeps } from '../deps/app-deps.js'
import type { StaffEntityCode } from '../contract.js'
import {
  entityCodeInputSchema,
  entityCodeSchema,
  problemSchema,
  staffEntityCodeSchema,
  staffEntityCodesSchema,
} from '../contract.js'
import { problemFor } from '../plugins/problems.js'
import { requireStaff, staffOf } from '../plugins/staff-auth.js'
import type { EntityCodeRow } from '../workflow/entity-codes.js'
import {
  entityCodeOf,
  entityCodesOf,
  issueEntityCode,
  requireEntityCode,
  retireEntity,
  toEntityJson,
  toStaffEntityJson,
} from '../workflow/entity-codes.js'
import { limitLookups } from './codes.js'
import { qrSvg } from './qr-image.js'
import type { RouteDoc } from './route-doc.js'
import { publicOriginOf } from './service-point-json.js'

const tokenParams = z.object({ token: z.string() })
const idParams = z.object({ id: z.string().min(1).max(64) })
const ISSUERS = ['admin', 'window'] as const

export const entityCodeRoutes: FastifyPluginCallback<AppDeps> = (app, deps, done) => {
  const guard = { preHandler: requireStaff(deps, ISSUERS) }
  const secret = deps.secrets.codeSecret

  const toJson = (request: FastifyRequest, row: EntityCodeRow): StaffEntityCode =>
    toStaffEntityJson(row, secret, publicOriginOf(request, deps.config.publicUrl))

  app.get('/entity-codes/:token', async (request, reply) => {
    await limitLookups(deps, request, reply)
    const { token } = tokenParams.parse(request.params)
    return toEntityJson(await requireEntityCode(deps.db.db, secret, token))
  })

  app.get('/staff/entity-codes', guard, async (request) => {
    const rows = await entityCodesOf(deps.db.db, staffOf(request))
    return { codes: rows.map((row) => toJson(request, row)) }
  })

  app.post('/staff/entity-codes', guard, async (request, reply) => {
    const input = entityCodeInputSchema.parse(request.body)
    const row = await issueEntityCode(deps.db.db, staffOf(request), input, deps.clock.now())
    return reply.code(201).send(toJson(request, row))
  })

  app.delete('/staff/entity-codes/:id', guard, async (request) => {
    const { id } = idParams.parse(request.params)
    return toJson(request, await retireEntity(deps.db.db, staffOf(request), id, deps.clock.now()))
  })

  app.get('/staff/entity-codes/:id/code.svg', guard, async (request, reply) => {
    const { id } = idParams.parse(request.params)
    const row = await entityCodeOf(deps.db.db, staffOf(request), id)
    if (row.retired_at !== null) throw problemFor(404)
    reply.header('Cache-Control', 'private, no-store')
    return reply.type('image/svg+xml; charset=utf-8').send(await qrSvg(toJson(request, row).link))
  })
  done()
}

const problem = (description: string) => ({ description, schema: problemSchema })
const ISSUER = { kind: 'staff', roles: ISSUERS } as const
const staffRefusals = {
  401: problem('Not signed in'),
  403: problem('Neither an admin nor a window clerk'),
} as const

export const entityCodesDocs: RouteDoc[] = [
  {
    method: 'GET',
    path: '/api/entity-codes/{token}',
    summary: 'The business an entity code names (after a scan of `/e/<token>`)',
    tags: ['codes'],
    auth: { kind: 'public' },
    params: tokenParams,
    responses: {
      200: { description: 'Credit code, registered name and kind', schema: entityCodeSchema },
      404: problem('`unknown_entity_code`: not a code this server signed (forged or altered)'),
      410: problem('`retired_entity_code`: the code was retired'),
      429: problem('Too many lookups from this address; see Retry-After'),
    },
  },
  {
    method: 'GET',
    path: '/api/staff/entity-codes',
    summary: 'Entity codes: every one for an admin, its own for a window clerk',
    tags: ['codes'],
    auth: ISSUER,
    responses: {
      200: { description: 'Newest first', schema: staffEntityCodesSchema },
      ...staffRefusals,
    },
  },
  {
    method: 'POST',
    path: '/api/staff/entity-codes',
    summary: 'Issue an entity code for one business',
    tags: ['codes'],
    auth: ISSUER,
    body: entityCodeInputSchema,
    responses: {
      201: { description: 'The code with its link', schema: staffEntityCodeSchema },
      ...staffRefusals,
      422: problem('A field at fault; `credit_code_checksum`: send `creditCodeConfirmed: true`'),
    },
  },
  {
    method: 'DELETE',
    path: '/api/staff/entity-codes/{id}',
    summary: 'Retire an entity code: its stickers stop working',
    tags: ['codes'],
    auth: ISSUER,
    params: idParams,
    responses: {
      200: { description: 'The retired code', schema: staffEntityCodeSchema },
      ...staffRefusals,
      404: problem('No such code, or another clerk’s'),
    },
  },
  {
    method: 'GET',
    path: '/api/staff/entity-codes/{id}/code.svg',
    summary: 'The code’s QR image, to print as a sticker',
    tags: ['codes'],
    auth: ISSUER,
    params: idParams,
    responses: {
      200: { description: 'SVG', contentType: 'image/svg+xml' },
      ...staffRefusals,
      404: problem('No such live code, or another clerk’s'),
    },
  },
]
