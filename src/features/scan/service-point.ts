import type { ServicePoint } from '../../../mock-api/contract'

/** The fields of `servicePointSchema` (contract/owner.ts), every one a string. */
export const SERVICE_POINT_FIELDS = [
  'id',
  'name',
  'hall',
  'window',
  'divisionCode',
  'divisionName',
  'cityCode',
  'deskId',
  'deskDivisionCode',
  'deskName',
] as const satisfies readonly (keyof ServicePoint)[]

/**
 * `GET /api/codes/:token`'s answer read without zod: the check runs as a window code's form
 * opens, and the contract's schemas (about 30 KB and a long task on a slow phone) must not be on
 * that path. It accepts what `servicePointSchema` accepts and keeps only its fields
 * (service-point.test.ts holds the two equal); anything else is an error, as a parse would be.
 */
export function readServicePoint(body: unknown): ServicePoint {
  if (typeof body !== 'object' || body === null) throw new TypeError('not a service point')
  const point: Partial<Record<keyof ServicePoint, string>> = {}
  for (const field of SERVICE_POINT_FIELDS) {
    const value: unknown = Reflect.get(body, field)
    if (typeof value !== 'string') throw new TypeError(`service point without ${field}`)
    point[field] = value
  }
  return point as ServicePoint
}
