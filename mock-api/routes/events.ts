/**
 * Live changes as Server-Sent Events: `GET /api/events` (an owner's tickets; the bearer header,
 * or a stream token for EventSource), `POST /api/events/token`, and `GET /api/staff/events` (the
 * tickets in a staff member's scope; the session cookie, which EventSource sends). Each change is
 * `id: <ticket_events id>`, `event: ticket`, `data: {ticketId, type, status, at}`; the app
 * refetches the ticket. After the backlog comes `event: ready` whose id is the resume position.
 * Every successful write through this app wakes the hub, so its own changes go out at once; other
 * writers' show up within one poll on SQLite, and at their commit's NOTIFY on PostgreSQL. A stream ends once its device is revoked or moved, or its
 * session ends (sign-out, expiry, the account disabled or given another role or scope).
 */
import type { FastifyInstance, FastifyPluginCallback, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { AppDeps, EventStreamSettings } from '../deps/app-deps.js'
import { problemSchema } from '../contract.js'
import {
  authenticateOwner,
  bearerCredential,
  getOwner,
  requireOwner,
} from '../plugins/owner-auth.js'
import { problemFor } from '../plugins/problems.js'
import { requireStaff, sessionTokenOf, staffOf } from '../plugins/staff-auth.js'
import { ownerAudience, staffAudience } from '../workflow/event-audiences.js'
import type { EventHub } from '../workflow/event-hub.js'
import { createEventHub } from '../workflow/event-hub.js'
import {
  batchedDeviceLookup,
  ownerStreamCheck,
  staffStreamCheck,
} from '../workflow/stream-credentials.js'
import type { StreamGrant } from '../workflow/stream-tokens.js'
import { issueStreamToken, redeemStreamToken } from '../workflow/stream-tokens.js'
import type { StreamRegistry } from './event-stream.js'
import { createStreamRegistry } from './event-stream.js'
import type { RouteDoc } from './route-doc.js'

export const EVENT_STREAM_DEFAULTS: EventStreamSettings = {
  heartbeatMs: 15_000,
  retryMs: 3_000,
  pollMs: 300,
  graceMs: 5_000,
  lateMs: 60_000,
  maxStreamsPerUser: 5,
  maxStreams: 10_000,
  recheckMs: 5_000,
}

const EVENT_ID = /^\d{1,15}$/
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
const STAFF_ROLES = ['desk', 'unit', 'office', 'window', 'workstation'] as const

export const streamQuerySchema = z.object({
  token: z.string().max(200).optional(),
  lastEventId: z.string().regex(EVENT_ID).optional(),
})
export const streamTokenSchema = z.object({ token: z.string(), expiresAt: z.iso.datetime() })

/** The header wins: EventSource's own reconnect sends it while the URL keeps the old query. */
function resumePoint(request: FastifyRequest): number | null {
  const header = request.headers['last-event-id']
  if (typeof header === 'string' && header.trim() !== '') {
    if (!EVENT_ID.test(header.trim())) {
      throw problemFor(422, [{ field: 'Last-Event-ID', code: 'invalid_string' }])
    }
    return Number(header.trim())
  }
  const { lastEventId } = streamQuerySchema.parse(request.query)
  return lastEventId === undefined ? null : Number(lastEventId)
}

async function streamOwner(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<StreamGrant> {
  const { authorization } = request.headers
  const query = request.query as Record<string, unknown>
  const credential = bearerCredential(authorization)
  const owner =
    authorization !== undefined
      ? credential && (await authenticateOwner(deps, credential))
      : typeof query.token === 'string' && (await redeemStreamToken(deps, query.token))
  if (owner) return owner
  reply.header('www-authenticate', 'Bearer')
  throw problemFor(401)
}

type EventRouteOptions = AppDeps & { hub: EventHub; streams: StreamRegistry }

const eventRoutes: FastifyPluginCallback<EventRouteOptions> = (app, options, done) => {
  const { hub, streams, ...deps } = options
  const db = deps.db.db
  const devices = batchedDeviceLookup(db)

  app.post('/events/token', { preHandler: requireOwner(deps) }, (request, reply) => {
    reply.header('cache-control', 'no-store')
    return Promise.resolve(issueStreamToken(deps, getOwner(request)))
  })

  app.get('/events', async (request, reply) => {
    const owner = await streamOwner(deps, request, reply)
    const after = resumePoint(request)
    const credential = ownerStreamCheck(devices, owner)
    return streams.open(reply, `owner:${owner.ownerId}`, credential, (sink) =>
      hub.open(ownerAudience(db, owner.ownerId), after, sink),
    )
  })

  app.get('/staff/events', { preHandler: requireStaff(deps, STAFF_ROLES) }, (request, reply) => {
    const staff = staffOf(request)
    const token = sessionTokenOf(request)
    if (token === null) throw problemFor(401)
    const after = resumePoint(request)
    const credential = staffStreamCheck({ db, clock: deps.clock }, token, staff)
    return streams.open(reply, `staff:${staff.id}`, credential, (sink) =>
      hub.open(staffAudience(db, staff), after, sink),
    )
  })

  done()
}

/**
 * Registers the event routes under /api, the hub, and the hooks around them. Call it before
 * any route that writes: the wake-up hook only reaches routes registered after it.
 */
export async function registerEventStreams(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const settings = {
    ...EVENT_STREAM_DEFAULTS,
    maxStreams: deps.config.maxStreams,
    ...deps.eventStreams,
  }
  const onCheckError = (error: unknown) =>
    app.log.error({ err: error }, 'event stream credential check failed')
  const streams = createStreamRegistry(
    { ...settings, maxPerUser: settings.maxStreamsPerUser },
    { clock: deps.clock, onError: onCheckError },
  )
  const onError = (error: unknown) => app.log.error({ err: error }, 'event hub poll failed')
  // The rows the hub releases were committed by some process, this one or another: the streams check
  // their credentials again before those rows go out. (The onResponse hook below does it for this
  // process's writes, but on PostgreSQL the commit's NOTIFY can bring the rows before that hook
  // runs, and another instance's writes never pass through it.)
  const hub = createEventHub(deps, settings, onError, () => streams.recheckCredentials())
  // onResponse runs after the handler's transaction committed and the answer went out. Any
  // write may have ended a credential (sign-out, an account disabled, a device moved), so the
  // streams check theirs again before the events it woke up go out.
  app.addHook('onResponse', (request, reply, next) => {
    if (!SAFE_METHODS.has(request.method) && reply.statusCode < 400) {
      streams.recheckCredentials()
      hub.wake()
    }
    next()
  })
  // preClose, not onClose: Fastify waits for open connections before running onClose hooks.
  app.addHook('preClose', (next) => {
    streams.endAll()
    next()
  })
  app.addHook('onClose', () => hub.close())
  await app.register(eventRoutes, { prefix: '/api', ...deps, hub, streams })
}

const problem = (description: string) => ({ description, schema: problemSchema })
const STREAM = {
  description:
    '`text/event-stream`: `retry:` first; then each change since the resume point as `id: <n>`, ' +
    '`event: ticket`, `data: {"ticketId","type","status","at"}`; then `event: ready` whose id is ' +
    'the resume position; then live changes, and a `: ping` comment every 15 s. Resume with ' +
    'the `Last-Event-ID` header (EventSource does) or `?lastEventId=`. The response ends once ' +
    'the device is revoked or moved, or the session ends; reconnecting then gets 401. When the ' +
    'server stops, a last `retry:` and `event: reconnect`: reconnect (another instance answers).',
  contentType: 'text/event-stream',
}
const STREAM_HEADERS = {
  'Last-Event-ID': 'Optional: resume after this event id (wins over ?lastEventId=)',
}

export const eventsDocs: RouteDoc[] = [
  {
    method: 'POST',
    path: '/api/events/token',
    summary: 'A stream token for EventSource: opens one GET /api/events within 60 s',
    tags: ['events'],
    auth: { kind: 'owner' },
    responses: {
      200: { description: 'The token and when it expires', schema: streamTokenSchema },
      401: problem('No or unknown device credential'),
    },
  },
  {
    method: 'GET',
    path: '/api/events',
    summary: 'Live changes to my tickets (Server-Sent Events)',
    tags: ['events'],
    auth: { kind: 'owner-or-stream-token' },
    query: streamQuerySchema,
    headers: STREAM_HEADERS,
    responses: {
      200: STREAM,
      401: problem('No valid credential, or the token is expired, used or forged'),
      422: problem('The resume point is not an event id'),
      429: problem('Too many open streams for this owner (5)'),
      503: problem('This server holds as many streams as it may (MAX_STREAMS), or is stopping'),
    },
  },
  {
    method: 'GET',
    path: '/api/staff/events',
    summary: 'Live changes to the tickets in my scope (Server-Sent Events)',
    tags: ['staff'],
    auth: { kind: 'staff', roles: STAFF_ROLES },
    query: streamQuerySchema.omit({ token: true }),
    headers: STREAM_HEADERS,
    responses: {
      200: STREAM,
      401: problem('Not signed in'),
      403: problem('The admin has no tickets'),
      422: problem('The resume point is not an event id'),
      429: problem('Too many open streams for this staff member (5)'),
      503: problem('This server holds as many streams as it may (MAX_STREAMS), or is stopping'),
    },
  },
]
