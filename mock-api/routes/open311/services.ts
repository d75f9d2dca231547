// GET discovery.json, services.json and services/{code}.json: what this endpoint is and which
// services (our five categories) it takes, with the attributes a report needs. Public, like the
// specification's; the answers depend on nothing but the request's origin.
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { AppDeps } from '../../deps/app-deps.js'
import {
  isServiceCode,
  listServices,
  serviceDefinitionOf,
} from '../../workflow/open311/service-catalogue.js'
import type { Open311Discovery } from '../../contract/open311.js'
import { publicOriginOf } from '../service-point-json.js'
import { OPEN311_PREFIX, checkJurisdiction } from './endpoint.js'
import { open311NotFound } from './open311-errors.js'

/** When this endpoint's description last changed. */
const CHANGESET = '2026-12-07T00:00:00+08:00'

export const jurisdictionQuerySchema = z.object({ jurisdiction_id: z.string().max(40).optional() })
export const serviceParamsSchema = z.object({ code: z.string().max(100) })

export function registerOpen311Services(app: FastifyInstance, deps: AppDeps): void {
  app.get('/discovery.json', (request): Open311Discovery => ({
    changeset: CHANGESET,
    contact: '广西 12345 政务服务便民热线 (Guangxi 12345 government service hotline)',
    key_service:
      'api_key 即设备凭证：POST /api/devices 获取。 The api_key is a device credential: get one ' +
      'with POST /api/devices (see /api/docs).',
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: `${publicOriginOf(request, deps.config.publicUrl)}${OPEN311_PREFIX}`,
        changeset: CHANGESET,
        type: 'production',
        formats: ['application/json'],
      },
    ],
  }))

  app.get('/services.json', (request) => {
    checkJurisdiction(jurisdictionQuerySchema.parse(request.query).jurisdiction_id)
    return listServices()
  })

  app.get('/services/:code.json', (request) => {
    checkJurisdiction(jurisdictionQuerySchema.parse(request.query).jurisdiction_id)
    const { code } = serviceParamsSchema.parse(request.params)
    if (!isServiceCode(code)) throw open311NotFound()
    return serviceDefinitionOf(code)
  })
}
