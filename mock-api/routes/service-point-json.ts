// A stored service point as the wire shows it, and the link its window code carries.
import type { FastifyRequest } from 'fastify'
import type { ServicePoint, StaffServicePoint } from '../contract.js'
import { REGION_CODE, cityOf, findDivision } from '../domain/jurisdiction.js'
import type { ServicePointRow } from '../workflow/service-points.js'
import { windowCodeToken } from '../workflow/service-points.js'

const REGION_NAME = '广西壮族自治区'

const divisionName = (code: string) =>
  code === REGION_CODE ? REGION_NAME : (findDivision(code)?.name ?? code)

/** The desk's display name, as the demo staff accounts are named (自治区专席, 南宁市专席). */
export const deskNameOf = (deskDivisionCode: string): string =>
  deskDivisionCode === REGION_CODE ? '自治区专席' : `${divisionName(deskDivisionCode)}专席`

export function toServicePointJson(row: ServicePointRow): ServicePoint {
  return {
    id: row.id,
    name: row.name,
    hall: row.hall,
    window: row.window,
    divisionCode: row.division_code,
    divisionName: divisionName(row.division_code),
    cityCode: cityOf(row.division_code)?.code ?? REGION_CODE,
    deskId: `desk-${row.desk_division_code}`,
    deskDivisionCode: row.desk_division_code,
    deskName: deskNameOf(row.desk_division_code),
  }
}

/**
 * The origin owners reach the app on: PUBLIC_URL when set, else as this request came in
 * (X-Forwarded-* with TRUST_PROXY).
 */
export const publicOriginOf = (request: FastifyRequest, publicUrl: string | null): string =>
  publicUrl ?? `${request.protocol}://${request.host}`

/** `<origin>/q/<token>`: what the window code encodes, signed for the point's current version. */
export function windowCodeLink(origin: string, codeSecret: string, row: ServicePointRow): string {
  return `${origin}/q/${windowCodeToken(codeSecret, row)}`
}

/** `<origin>/w/<code>`: the short address the poster prints for typing; it leads to the link. */
export const shortCodeLink = (origin: string, row: ServicePointRow): string =>
  `${origin}/w/${row.short_code}`

export function toStaffServicePointJson(
  row: ServicePointRow,
  link: string,
  shortLink: string,
): StaffServicePoint {
  return {
    ...toServicePointJson(row),
    link,
    shortCode: row.short_code,
    shortLink,
    createdAt: row.created_at,
    retiredAt: row.retired_at,
  }
}
