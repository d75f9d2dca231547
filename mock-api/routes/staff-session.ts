// Staff sign-in, sign-out and who I am. Sign-in attempts are claimed per (username, address),
// per username and per address in the persistent rate_limits table before the password is
// checked (guess-limits.ts), so neither parallel guesses nor a restart get past a lockout.
import type { FastifyPluginCallback } from 'fastify'
import type { AppDeps } from '../deps/app-deps.js'
import type { StaffMe } from '../contract.js'
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
import { hashPassword, isDemoPassword, verifyPassword } from '../storage/passwords.js'
import type { StaffAccount } from '../storage/staff-sessions.js'
import { createSession, deleteSession, findSignInAccount } from '../storage/staff-sessions.js'
import { findUnit } from '../storage/units.js'
import type { Guess } from '../workflow/guess-limits.js'
import {
  SIGN_IN_RULES,
  claimGuess,
  pairSubject,
  settleRightGuess,
} from '../workflow/guess-limits.js'
import { findServicePoint } from '../storage/service-points.js'
import type { RouteDoc } from './route-doc.js'

export const SIGN_IN_LIMITS = {
  perPair: SIGN_IN_RULES.pair.limit,
  perUsername: SIGN_IN_RULES.username.limit,
  perAddress: SIGN_IN_RULES.address.limit,
  windowMs: SIGN_IN_RULES.pair.windowMs,
} as const

const INVALID_CREDENTIALS = new ProblemError(401, 'invalid_credentials', {
  zh: '用户名或密码不正确。',
  en: 'The username or password is wrong.',
})
const ACCOUNT_DISABLED = new ProblemError(403, 'account_disabled', {
  zh: '此账号已停用，请联系管理员。',
  en: 'This account is disabled; ask an administrator.',
})

// Unknown usernames still cost one scrypt, so timing does not tell which usernames exist.
let decoyHash: Promise<string> | undefined
const decoy = () => (decoyHash ??= hashPassword('decoy password, never valid'))

type Deps = Pick<AppDeps, 'db' | 'clock' | 'config'>

type MeAccount = Omit<StaffAccount, 'isDisabled' | 'servicePointId'> & {
  servicePointId?: string | null
}

async function toMe(deps: Deps, account: MeAccount): Promise<StaffMe> {
  const unit = account.unitId === null ? null : await findUnit(deps.db.db, account.unitId)
  const pointId = account.servicePointId ?? null
  const point = pointId === null ? undefined : await findServicePoint(deps.db.db, pointId)
  return {
    username: account.username,
    displayName: account.displayName,
    role: account.role,
    scope: {
      ...(account.divisionCode === null ? {} : { divisionCode: account.divisionCode }),
      ...(account.unitId === null ? {} : { unitId: account.unitId }),
      ...(unit ? { unitName: unit.name } : {}),
      ...(point ? { servicePointId: point.id, servicePointName: point.name } : {}),
    },
  }
}

// Narrowest first: the pair locks one address's guesses at this username long before the
// username's own limit locks the person out (guess-limits.ts).
const signInGuesses = (username: string, address: string): Guess[] => [
  { rule: SIGN_IN_RULES.address, subject: address },
  { rule: SIGN_IN_RULES.pair, subject: pairSubject(username, address) },
  { rule: SIGN_IN_RULES.username, subject: username },
]

const TOO_MANY_SIGN_INS = new ProblemError(429, 'too_many_sign_ins', {
  zh: '登录失败次数过多，请稍后再试。',
  en: 'Too many failed sign-ins; try again later.',
})

export const staffSessionRoutes: FastifyPluginCallback<AppDeps> = (app, deps, done) => {
  const { db, clock, config } = deps

  app.post('/staff/session', async (request, reply) => {
    refuseCrossSiteWrites(request)
    const input = staffSignInSchema.parse(request.body)
    const now = clock.now()
    // Counted before the password is checked, so parallel guesses cannot all pass a limit.
    const claimed = config.rateLimits
      ? await claimGuess(db.db, signInGuesses(input.username, request.ip), now)
      : null
    if (claimed && !claimed.allowed) {
      reply.header('retry-after', String(Math.max(1, Math.ceil(claimed.retryAfterMs / 1000))))
      throw TOO_MANY_SIGN_INS
    }
    const account = await findSignInAccount(db.db, input.username)
    const matches = await verifyPassword(input.password, account?.passwordHash ?? (await decoy()))
    // A production server never accepts the published demo password, even where it was set.
    const isRefusedDemo = config.isProduction && isDemoPassword(input.password, config.demoPassword)
    if (!account || !matches || isRefusedDemo) {
      if (isRefusedDemo && matches) request.log.warn('sign-in with the demo password refused')
      throw INVALID_CREDENTIALS
    }
    if (account.isDisabled) throw ACCOUNT_DISABLED
    if (claimed) await settleRightGuess(db.db, claimed, SIGN_IN_RULES.pair.prefix)
    const token = await createSession(db.db, account.id, now, SESSION_LIMITS)
    setSessionCookie(request, reply, token)
    return toMe(deps, account)
  })

  app.delete('/staff/session', async (request, reply) => {
    refuseCrossSiteWrites(request)
    const token = sessionTokenOf(request)
    if (token !== null) await deleteSession(db.db, token)
    clearSessionCookie(request, reply)
    return reply.code(204).send()
  })

  app.get('/staff/me', { preHandler: requireStaff(deps) }, async (request) =>
    toMe(deps, staffOf(request)),
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
