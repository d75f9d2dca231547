// Staff sign-in, sign-out and who I am. Sign-in attempts are claimed per (username, address),
// per username and per address in the persistent rate_limits table before the password is
// checked (guess-limits.ts), so neither parallel guesses nor a restart get past a lockout.
import type { FastifyPluginCallback } from 'fastify'
import type { AppDeps } from '../deps/app-deps.js'
import { problemSchema, staffMeSchema, staffSignInSchema } from '../contract.js'
import { ProblemError } from '../plugins/problems.js'
import {
  SESSION_LIMITS,
  clearSessionCookie,
  refuseCrossSiteWrites,
  requireStaff,
  sessionTokenOf,
  setSessionCookie,
  staffOf,
} from '../plugins/staff-auth.js'
import { SIGN_IN_RULES } from '../workflow/guess-limits.js'
import { describeStaff, signIn, signOut } from '../workflow/staff-sign-in.js'
import type { RouteDoc } from './route-doc.js'

export const SIGN_IN_LIMITS = {
  perPair: SIGN_IN_RULES.pair.limit,
  perUsername: SIGN_IN_RULES.username.limit,
  perAddress: SIGN_IN_RULES.address.limit,
  windowMs: SIGN_IN_RULES.pair.windowMs,
} as const

const TOO_MANY_SIGN_INS = new ProblemError(429, 'too_many_sign_ins', {
  zh: '登录失败次数过多，请稍后再试。',
  en: 'Too many failed sign-ins; try again later.',
})

export const staffSessionRoutes: FastifyPluginCallback<AppDeps> = (app, deps, done) => {
  const { db, clock, config } = deps

  app.post('/staff/session', async (request, reply) => {
    refuseCrossSiteWrites(request)
    const input = staffSignInSchema.parse(request.body)
    const result = await signIn(
      db.db,
      { ...input, address: request.ip },
      {
        now: clock.now(),
        rateLimits: config.rateLimits,
        isProduction: config.isProduction,
        demoPassword: config.demoPassword,
        sessionLimits: SESSION_LIMITS,
        warn: (message) => request.log.warn(message),
      },
    )
    if (result.kind === 'locked') {
      reply.header('retry-after', String(Math.max(1, Math.ceil(result.retryAfterMs / 1000))))
      throw TOO_MANY_SIGN_INS
    }
    setSessionCookie(request, reply, result.token)
    return result.me
  })

  app.delete('/staff/session', async (request, reply) => {
    refuseCrossSiteWrites(request)
    const token = sessionTokenOf(request)
    if (token !== null) await signOut(db.db, token)
    clearSessionCookie(request, reply)
    return reply.code(204).send()
  })

  app.get('/staff/me', { preHandler: requireStaff(deps) }, async (request) =>
    describeStaff(db.db, staffOf(request)),
  )
  done()
}

const problems = (...entries: [number, string][]) =>
  Object.fromEntries(
    entries.map(([status, description]) => [status, { description, schema: problemSchema }]),
  )

export const staffSessionDocs: RouteDoc[] = [
  {
    method: 'POST',
    path: '/api/staff/session',
    summary: 'Sign in as staff; sets the httpOnly, SameSite=Strict session cookie',
    tags: ['staff'],
    auth: { kind: 'public' },
    body: staffSignInSchema,
    responses: {
      200: { description: 'Signed in; who I am', schema: staffMeSchema },
      ...problems(
        [401, 'Unknown username or wrong password (the same answer for both)'],
        [403, 'The account is disabled'],
        [415, 'The body is not JSON'],
        [422, 'A field is missing'],
        [
          429,
          'Too many failed sign-ins from this address for this username (5, then a delay that ' +
            'doubles from 1 minute), for this username from anywhere (30), or from this address ' +
            '(20) in 15 minutes (Retry-After)',
        ],
      ),
    },
  },
  {
    method: 'DELETE',
    path: '/api/staff/session',
    summary: 'Sign out: ends the session and clears the cookie',
    tags: ['staff'],
    auth: { kind: 'public' },
    responses: { 204: { description: 'Signed out (also when no session was open)' } },
  },
  {
    method: 'GET',
    path: '/api/staff/me',
    summary: 'The signed-in staff member, role and scope',
    tags: ['staff'],
    auth: { kind: 'staff' },
    responses: {
      200: { description: 'Who I am', schema: staffMeSchema },
      ...problems([401, 'Not signed in, or the session expired']),
    },
  },
]
