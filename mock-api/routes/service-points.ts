// Service points for the admin: list, create, retire. A desk may list its own desk's points.
import type { FastifyPluginCallback, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { AppDeps } from '../deps/app-deps.js'
import { servicePointInputSchema, staffServicePointSchema } from '../contract.js'
import { requireStaff, staffOf } from '../plugins/staff-auth.js'
import type { ServicePointRow } from '../workflow/service-points.js'
import {
  createServicePoint,
  readablePoint,
  retirePoint,
  servicePointsFor,
} from '../workflow/service-points.js'
import type { RouteDoc } from './route-doc.js'
import {
  publicOriginOf,
  shortCodeLink,
  toStaffServicePointJson,
  windowCodeLink,
} from './service-point-json.js'

export const idParamsSchema = z.object({ id: z.string().min(1).max(100) })
const listSchema = z.object({ servicePoints: z.array(staffServicePointSchema) })

/** Roles that may read service points and print their codes (a desk: its own only). */
export const SERVICE_POINT_READERS = ['admin', 'desk'] as const

/** The point, or 404 when it does not exist or belongs to another desk than the reader's. */
export function findReadablePoint(
  deps: AppDeps,
  request: FastifyRequest,
): Promise<ServicePointRow> {
  const { id } = idParamsSchema.parse(request.params)
  return readablePoint(deps.db.db, staffOf(request), id)
}

export const servicePointRoutes: FastifyPluginCallback<AppDeps> = (app, deps, done) => {
  const asJson = (request: FastifyRequest, row: ServicePointRow) => {
    const origin = publicOriginOf(request, deps.config.publicUrl)
    return toStaffServicePointJson(
      row,
      windowCodeLink(origin, deps.secrets.codeSecret, row),
      shortCodeLink(origin, row),
    )
  }

  app.get(
    '/staff/service-points',
    { preHandler: requireStaff(deps, SERVICE_POINT_READERS) },
    async (request) => {
      const rows = await servicePointsFor(deps.db.db, staffOf(request))
      return { servicePoints: rows.map((row) => asJson(request, row)) }
    },
  )

  app.post(
    '/staff/service-points',
    { preHandler: requireStaff(deps, ['admin']) },
    async (request, reply) => {
      const input = servicePointInputSchema.parse(request.body)
      const row = await createServicePoint(deps.db.db, input, deps.clock.now())
      return reply.code(201).send(asJson(request, row))
    },
  )

  app.post(
    '/staff/service-points/:id/retire',
    { preHandler: requireStaff(deps, ['admin']) },
    async (request) => {
      const { id } = idParamsSchema.parse(request.params)
      return asJson(request, await retirePoint(deps.db.db, id, deps.clock.now()))
    },
  )
  done()
}

const admin = { kind: 'staff', roles: ['admin'] } as const

export const servicePointsDocs: RouteDoc[] = [
  {
    method: 'GET',
    path: '/api/staff/service-points',
    summary: 'Service points with their code links (a desk sees its own desk’s only)',
    tags: ['service points'],
    auth: { kind: 'staff', roles: SERVICE_POINT_READERS },
    responses: {
      200: { description: 'Live points first', schema: listSchema },
      401: { description: 'Not signed in' },
      403: { description: 'Neither admin nor desk' },
    },
  },
  {
    method: 'POST',
    path: '/api/staff/service-points',
    summary: 'Create a service point (the desk defaults to the division’s receiving desk)',
    tags: ['service points'],
    auth: admin,
    body: servicePointInputSchema,
    responses: {
      201: { description: 'The new point and its code link', schema: staffServicePointSchema },
      401: { description: 'Not signed in' },
      403: { description: 'Not an admin' },
      415: { description: 'The body is not JSON' },
      422: { description: 'A field is invalid; `invalid_desk` for a desk that cannot take it' },
    },
  },
  {
    method: 'POST',
    path: '/api/staff/service-points/{id}/retire',
    summary: 'Retire a service point: its printed codes answer 410 from now on (idempotent)',
    tags: ['service points'],
    auth: admin,
    params: idParamsSchema,
    body: z.object({}),
    responses: {
      200: { description: 'The retired point', schema: staffServicePointSchema },
      401: { description: 'Not signed in' },
      403: { description: 'Not an admin' },
      404: { description: 'No such point' },
    },
  },
]
