/**
 * Staff sign-in state on requests. The session cookie (httpOnly, SameSite=Strict, Path=/api,
 * signed with the cookie secret, Secure when the request came over TLS) carries a random token
 * whose hash names a row in staff_sessions. `requireStaff` guards a route: no, unknown or expired
 * session → 401, a role not listed → 403. An owner's bearer credential means nothing here → 401.
 *
 * CSRF: SameSite=Strict keeps other sites from sending the cookie at all. As a second wall,
 * state-changing staff requests must carry JSON: a cross-site <form> cannot send
 * application/json, and a cross-site fetch with it needs a CORS preflight this API never grants.
 * Multipart uploads (which a form can send) must come from our own origin instead.
 */
import cookie from '@fastify/cookie'
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  preHandlerAsyncHookHandler,
} from 'fastify'
import type { AppDeps } from '../deps/app-deps.js'
import type { StaffRole } from '../contract.js'
import type { SessionLimits } from '../storage/staff-sessions.js'
import { findSession, touchSession } from '../storage/staff-sessions.js'
import type { StaffMember } from '../workflow/staff-scope.js'
import { ProblemError, problemFor } from './problems.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `requireStaff`; null on routes it does not guard. */
    staff: StaffMember | null
  }
}

export const STAFF_COOKIE = 'guishang_staff'

const HOUR_MS = 3_600_000
export const SESSION_LIMITS: SessionLimits = { idleMs: 8 * HOUR_MS, absoluteMs: 12 * HOUR_MS }
// Sliding the idle expiry on every request would write on every read; once a minute is enough.
const TOUCH_AFTER_MS = 60_000

/** Registers cookie parsing and the `request.staff` slot; call once, before any staff route. */
export async function registerStaffAuth(
  app: FastifyInstance,
  deps: Pick<AppDeps, 'secrets'>,
): Promise<void> {
  await app.register(cookie, { secret: deps.secrets.cookieSecret })
  app.decorateRequest('staff', null)
}

const cookieOptions = (request: FastifyRequest) => ({
  httpOnly: true,
  sameSite: 'strict' as const,
  path: '/api',
  secure: request.protocol === 'https',
  signed: true,
})

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(STAFF_COOKIE, token, {
    ...cookieOptions(request),
    maxAge: SESSION_LIMITS.absoluteMs / 1000,
  })
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply) {
  reply.clearCookie(STAFF_COOKIE, cookieOptions(request))
}

/** The session token from a validly signed cookie, or null. */
export function sessionTokenOf(request: FastifyRequest): string | null {
  const raw = request.cookies[STAFF_COOKIE]
  if (!raw) return null
  const unsigned = request.unsignCookie(raw)
  return unsigned.valid ? unsigned.value : null
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
const JSON_TYPE = /^application\/json\s*(;|$)/i
const MULTIPART_TYPE = /^multipart\/form-data\s*(;|$)/i

const isSameOrigin = (request: FastifyRequest): boolean => {
  if (request.headers['sec-fetch-site'] === 'same-origin') return true
  const origin = request.headers.origin
  if (!origin) return false
  try {
    return new URL(origin).host === request.host
  } catch {
    return false
  }
}

export type WriteOptions = { multipart?: boolean }

/** 415 unless a state-changing request carries JSON (see the CSRF note above). */
export function refuseCrossSiteWrites(request: FastifyRequest, options: WriteOptions = {}): void {
  if (SAFE_METHODS.has(request.method)) return
  const type = request.headers['content-type'] ?? ''
  if (type === '' && request.method === 'DELETE') return
  if (JSON_TYPE.test(type)) return
  if (options.multipart === true && MULTIPART_TYPE.test(type) && isSameOrigin(request)) return
  throw new ProblemError(415, 'json_required', {
    zh: '请求须以 JSON 格式发送。',
    en: 'This request must be sent as application/json.',
  })
}

/**
 * A preHandler that lets signed-in staff through (with one of `roles`, when given) and sets
 * `request.staff`. Add `{ multipart: true }` for a staff upload route.
 */
export function requireStaff(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  roles?: readonly StaffRole[],
  options: WriteOptions = {},
): preHandlerAsyncHookHandler {
  return async (request) => {
    refuseCrossSiteWrites(request, options)
    const token = sessionTokenOf(request)
    if (token === null) throw problemFor(401)
    const now = deps.clock.now()
    const session = await findSession(deps.db.db, token, now)
    if (!session) throw problemFor(401)
    if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_AFTER_MS) {
      await touchSession(deps.db.db, token, session, now, SESSION_LIMITS)
    }
    const { id, username, displayName, role, divisionCode, unitId, servicePointId } =
      session.account
    request.staff = { id, username, displayName, role, divisionCode, unitId, servicePointId }
    if (roles && !roles.includes(role)) throw problemFor(403)
  }
}

/** The staff member `requireStaff` let through; a route without the guard gets a 401. */
export function staffOf(request: FastifyRequest): StaffMember {
  if (!request.staff) throw problemFor(401)
  return request.staff
}
