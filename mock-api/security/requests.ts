// Turns a documented route, its case and a party into an `inject` request, and says what that
// party must get: the rule every route follows, so the table only lists who is right.
import { randomUUID } from 'node:crypto'
import type { InjectOptions } from 'fastify'
import type { ZodType } from 'zod'
import { allRouteDocs } from '../openapi/route-docs.js'
import type { RouteDoc } from '../routes/route-doc.js'
import { multipart } from '../test/attachment-fixtures.js'
import type { Party, World } from './fixture-world.js'
import { STAFF_PARTIES, isStaffParty } from './fixture-world.js'
import type { LiveCase, Target } from './route-cases.js'
import { ROUTE_CASES } from './route-cases.js'

export const routeKey = (doc: Pick<RouteDoc, 'method' | 'path'>) => `${doc.method} ${doc.path}`

export const hasIdParam = (doc: RouteDoc) => /\{\w+\}/.test(doc.path)
export const isWrite = (doc: RouteDoc) => doc.method !== 'GET'

/** The route's JSON body schema; null for uploads and routes without a body. */
export const jsonBodySchemaOf = (doc: RouteDoc): ZodType | null =>
  doc.body && !('multipart' in doc.body) && !('form' in doc.body) ? doc.body : null

export type LiveRoute = { doc: RouteDoc; kase: LiveCase; key: string }

/** Documented routes the table knows and does not skip (the coverage test names the others). */
export function liveRoutes(): LiveRoute[] {
  return allRouteDocs().flatMap((doc) => {
    const kase = ROUTE_CASES[routeKey(doc)]
    return kase && !('skip' in kase) ? [{ doc, kase, key: routeKey(doc) }] : []
  })
}

const roleAllowed = (doc: RouteDoc, party: Party) =>
  doc.auth.kind !== 'staff' ||
  doc.auth.roles === undefined ||
  (isStaffParty(party) && doc.auth.roles.includes(STAFF_PARTIES[party].role))

const isNanning = (party: Party) => party.endsWith('Nanning')

/**
 * 'ok' (any 2xx) for the right parties; otherwise the refusal: no or the wrong kind of credential
 * 401, a role the route does not take 403, anything out of the caller's reach 404 (exactly as if
 * it did not exist). Null where the party proves nothing (public routes, Nanning staff that may
 * see the ticket but not do this particular thing: the ticket machine's tests cover those).
 */
export function expectedStatus(doc: RouteDoc, kase: LiveCase, party: Party): number | 'ok' | null {
  if (kase.right.includes(party)) return 'ok'
  const given = kase.expect?.[party]
  if (given !== undefined) return given
  const kind = doc.auth.kind
  if (kind === 'public' || kind === 'test-clock') return null
  if (party === 'anonymous') return 401
  if (kind === 'staff') {
    if (!isStaffParty(party)) return 401
    if (!roleAllowed(doc, party)) return 403
    return isNanning(party) ? null : 404
  }
  if (party === 'otherOwner') return 404
  const staffMayRead = kind === 'owner-or-staff' || kase.right.some(isStaffParty)
  return staffMayRead ? 404 : 401
}

export function urlOf(doc: RouteDoc, target: Target = {}): string {
  const path = doc.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = target.params?.[name]
    if (value === undefined) throw new Error(`${routeKey(doc)}: the case gives no {${name}}`)
    return encodeURIComponent(value)
  })
  return target.query === undefined ? path : `${path}?${target.query}`
}

/** The party's credential: a bearer header for owners, the session cookie for staff. */
export function credentialsOf(w: World, party: Party): Pick<InjectOptions, 'headers' | 'cookies'> {
  if (party === 'owner' || party === 'otherOwner') return { headers: w.owners[party].headers }
  if (isStaffParty(party)) return { cookies: w.cookies[party] }
  return {}
}

export function requestFor(
  w: World,
  route: LiveRoute,
  party: Party,
  target: Target = route.kase.target?.(w) ?? {},
): InjectOptions {
  const { doc, kase } = route
  const base = { method: doc.method, url: urlOf(doc, target), ...credentialsOf(w, party) }
  if (kase.isUpload) {
    const body = multipart([
      { name: 'id', value: randomUUID() },
      { name: 'file', filename: 'photo.jpg', type: 'image/jpeg', data: w.jpeg },
    ])
    // As a browser sends it from the app's own page (staff uploads must be same-origin).
    const headers = { ...base.headers, ...body.headers, 'sec-fetch-site': 'same-origin' }
    return { ...base, headers, payload: body.payload }
  }
  return kase.body ? { ...base, payload: kase.body(w) as object } : base
}
