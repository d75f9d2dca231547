// Service points for the admin: list, create, retire. A desk may list its own desk's points.
import { randomUUID } from 'node:crypto'
import type { FastifyPluginCallback, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { AppDeps } from '../deps/app-deps.js'
import type { ServicePointInput } from '../contract.js'
import { servicePointInputSchema, staffServicePointSchema } from '../contract.js'
import { REGION_CODE, receivingDesk } from '../domain/jurisdiction.js'
import { problemFor } from '../plugins/problems.js'
import { requireStaff, staffOf } from '../plugins/staff-auth.js'
import type { ServicePointRow } from '../storage/service-points.js'
import {
  findServicePoint,
  insertServicePoint,
  listServicePoints,
  retireServicePoint,
} from '../storage/service-points.js'
import type { RouteDoc } from './route-doc.js'
import { publicOriginOf, toStaffServicePointJson, windowCodeLink } from './service-point-json.js'

export const idParamsSchema = z.object({ id: z.string().min(1).max(100) })
const listSchema = z.object({ servicePoints: z.array(staffServicePointSchema) })

/** Roles that may read service points and print their codes (a desk: its own only). */
export const SERVICE_POINT_READERS = ['admin', 'desk'] as const

/** The point, or 404 when it does not exist or belongs to another desk than the reader's. */
export async function findReadablePoint(
  deps: AppDeps,
  request: FastifyRequest,
): Promise<ServicePointRow> {
  const staff = staffOf(request)
  const { id } = idParamsSchema.parse(request.params)
  const row = await findServicePoint(deps.db.db, id)
  if (!row) throw problemFor(404)
  if (staff.role !== 'admin' && row.desk_division_code !== staff.divisionCode) {
    throw problemFor(404)
  }
  return row
}

/** The receiving desk of the division, or the region desk; nothing else takes its reports. */
function deskFor(input: ServicePointInput): string {
  const desk = receivingDesk(input.divisionCode)
  const given = input.deskDivisionCode ?? desk
  if (given !== desk && given !== REGION_CODE) {
    throw problemFor(422, [{ field: 'deskDivisionCode', code: 'invalid_desk' }])
  }
  return given
}

export const servicePointRoutes: FastifyPluginCallback<AppDeps> = (app, deps, done) => {
  const asJson = (request: FastifyRequest, row: ServicePointRow) =>
    toStaffServicePointJson(
      row,
      windowCodeLink(publicOriginOf(request, deps.config.publicUrl), deps.secrets.codeSecret, row),
    )

  app.get(
    '/staff/service-points',
    { preHandler: requireStaff(deps, SERVICE_POINT_READERS) },
    async (request) => {
      const staff = staffOf(request)
      const rows = await listServicePoints(
        deps.db.db,
        staff.role === 'admin' ? {} : { deskDivisionCode: staff.divisionCode ?? '' },
      )
      return { servicePoints: rows.map((row) => asJson(request, row)) }
    },
  )

  app.post(
    '/staff/service-points',
    { preHandler: requireStaff(deps, ['admin']) },
    async (request, reply) => {
      const input = servicePointInputSchema.parse(request.body)
      const row = await insertServicePoint(deps.db.db, {
        id: `sp-${randomUUID()}`,
        name: input.name ?? `${input.hall} ${input.window}`,
        hall: input.hall,
        window: input.window,
        division_code: input.divisionCode,
        desk_division_code: deskFor(input),
        created_at: deps.clock.now().toISOString(),
      })
      return reply.code(201).send(asJson(request, row))
    },
  )

  app.post(
    '/staff/service-points/:id/retire',
    { preHandler: requireStaff(deps, ['admin']) },
    async (request) => {
      const { id } = idParamsSchema.parse(request.params)
      const row = await retireServicePoint(deps.db.db, id, deps.clock.now())
      if (!row) throw problemFor(404)
      return asJson(request, row)
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
