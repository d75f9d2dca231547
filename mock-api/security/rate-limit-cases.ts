/**
 * Each limit a public (or owner-facing) route documents with a 429, as a sequence of requests
 * that one caller could send: `allowed` of them pass with `passes`, the next is refused. Every
 * sequence uses fresh keys (an address, a device, a phone, a username of its own), so the cases
 * never share a window. Keyed by route like the RouteDocs; the test fails on a route it lacks.
 */
import { randomInt, randomUUID } from 'node:crypto'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { CODE_LOOKUP_LIMIT } from '../routes/codes.js'
import { OWNER_LIMITS } from '../routes/owner-limits.js'
import { SIGN_IN_LIMITS } from '../routes/staff-session.js'
import type { Device, OwnerTestApp } from '../test/owner-fixtures.js'
import { newDevice, reportBody } from '../test/owner-fixtures.js'
import { LINK_CODE_ATTEMPTS, LINK_CODE_TTL_MS } from '../workflow/device-link.js'
import { RECEIPT_RULES, SIGN_IN_RULES } from '../workflow/guess-limits.js'
import type { World } from './fixture-world.js'

type Send = (i: number) => Promise<LightMyRequestResponse>

export type LimitCase = {
  name: string
  allowed: number
  /** The window the limit counts in: Retry-After never exceeds it. */
  windowMs: number
  /** The status of a request within the limit. */
  passes: number
  /** Builds the sequence on `t` (the world's app, or one with RATE_LIMITS=off). */
  start(t: OwnerTestApp, w: World): Promise<Send>
  /** Why RATE_LIMITS=off leaves this one on. */
  staysOn?: string
}

export type RouteLimits = readonly LimitCase[] | { exempt: string }

let addresses = 0
const freshAddress = () => `10.9.${Math.floor(++addresses / 250)}.${(addresses % 250) + 1}`
const freshPhone = () => `139${String(randomInt(0, 1e8)).padStart(8, '0')}`

const get = (app: FastifyInstance, url: string, remoteAddress: string) =>
  app.inject({ method: 'GET', url, remoteAddress })

const link = (app: FastifyInstance, device: Device, phone: string) =>
  app.inject({
    method: 'POST',
    url: '/api/devices/link',
    headers: device.headers,
    payload: { phone },
  })

const signIn = (app: FastifyInstance, username: string, remoteAddress: string) =>
  app.inject({
    method: 'POST',
    url: '/api/staff/session',
    remoteAddress,
    payload: { username, password: 'not-the-password' },
  })

/** A new ticket's receipt number. */
async function newReceiptNumber(app: FastifyInstance): Promise<string> {
  const device = await newDevice(app)
  const res = await app.inject({
    method: 'POST',
    url: '/api/reports',
    headers: device.headers,
    payload: reportBody(),
  })
  return res.json<{ number: string }>().number
}

/** A device that reported with `phone`, and a device of another owner that asked for its code. */
export async function outstandingCode(
  { app, sender }: OwnerTestApp,
  phone: string,
): Promise<Device> {
  const holder = await newDevice(app)
  const report = reportBody({ contact: { name: '张三', phone } })
  await app.inject({
    method: 'POST',
    url: '/api/reports',
    headers: holder.headers,
    payload: report,
  })
  const asker = await newDevice(app)
  const res = await link(app, asker, phone)
  if (res.statusCode !== 202 || sender.sent.at(-1)?.phone !== phone) {
    throw new Error(`no code was sent: ${res.statusCode} ${res.body}`)
  }
  return asker
}

export const ROUTE_LIMITS: Readonly<Record<string, RouteLimits>> = {
  'POST /api/devices': [
    {
      name: 'new devices per address',
      allowed: OWNER_LIMITS.newDevice.limit,
      windowMs: OWNER_LIMITS.newDevice.windowMs,
      passes: 201,
      start: ({ app }) => {
        const remoteAddress = freshAddress()
        return Promise.resolve(() =>
          app.inject({ method: 'POST', url: '/api/devices', remoteAddress }),
        )
      },
    },
  ],
  'POST /api/reports': [
    {
      name: 'reports per device',
      allowed: OWNER_LIMITS.report.limit,
      windowMs: OWNER_LIMITS.report.windowMs,
      passes: 201,
      start: async ({ app }) => {
        const device = await newDevice(app)
        return () =>
          app.inject({
            method: 'POST',
            url: '/api/reports',
            headers: device.headers,
            payload: reportBody(),
          })
      },
    },
  ],
  'GET /api/codes/{token}': [
    {
      name: 'code lookups per address',
      allowed: CODE_LOOKUP_LIMIT.limit,
      windowMs: CODE_LOOKUP_LIMIT.windowMs,
      passes: 200,
      start: ({ app }, w) => {
        const remoteAddress = freshAddress()
        return Promise.resolve(() => get(app, `/api/codes/${w.codeToken}`, remoteAddress))
      },
    },
  ],
  'GET /api/short-codes/{code}': [
    {
      name: 'code lookups per address (short codes count with window codes)',
      allowed: CODE_LOOKUP_LIMIT.limit,
      windowMs: CODE_LOOKUP_LIMIT.windowMs,
      passes: 200,
      start: ({ app }, w) => {
        const remoteAddress = freshAddress()
        return Promise.resolve(() => get(app, `/api/short-codes/${w.shortCode}`, remoteAddress))
      },
    },
  ],
  'GET /api/receipts/{number}': [
    {
      name: 'wrong receipt codes per number from one address',
      allowed: RECEIPT_RULES.pair.limit,
      windowMs: RECEIPT_RULES.pair.stepMs,
      passes: 404,
      start: async ({ app }) => {
        const number = await newReceiptNumber(app)
        const remoteAddress = freshAddress()
        return (i) => get(app, `/api/receipts/${number}?code=WRONG${i}`, remoteAddress)
      },
    },
    {
      name: 'wrong receipt codes per number',
      allowed: RECEIPT_RULES.number.limit,
      windowMs: RECEIPT_RULES.number.windowMs,
      passes: 404,
      start: async ({ app }) => {
        const number = await newReceiptNumber(app)
        return (i) => get(app, `/api/receipts/${number}?code=WRONG${i}`, freshAddress())
      },
    },
    {
      name: 'wrong receipt codes per address',
      allowed: RECEIPT_RULES.address.limit,
      windowMs: RECEIPT_RULES.address.windowMs,
      passes: 404,
      start: ({ app }) => {
        const remoteAddress = freshAddress()
        return Promise.resolve((i: number) =>
          get(app, `/api/receipts/GX99${String(i).padStart(8, '0')}?code=ABC234`, remoteAddress),
        )
      },
    },
  ],
  'POST /api/claims': [
    {
      name: 'wrong claim codes per number from one address (the receipt limits)',
      allowed: RECEIPT_RULES.pair.limit,
      windowMs: RECEIPT_RULES.pair.stepMs,
      passes: 404,
      start: async ({ app }) => {
        const number = await newReceiptNumber(app)
        const device = await newDevice(app)
        const remoteAddress = freshAddress()
        return (i) =>
          app.inject({
            method: 'POST',
            url: '/api/claims',
            headers: device.headers,
            remoteAddress,
            payload: { number, code: `WRONG${i}` },
          })
      },
    },
  ],
  'GET /api/entity-codes/{token}': [
    {
      name: 'entity code lookups per address (shared with window codes)',
      allowed: CODE_LOOKUP_LIMIT.limit,
      windowMs: CODE_LOOKUP_LIMIT.windowMs,
      passes: 200,
      start: ({ app }, w) => {
        const remoteAddress = freshAddress()
        return Promise.resolve(() =>
          get(app, `/api/entity-codes/${w.entityCodes.live.token}`, remoteAddress),
        )
      },
    },
  ],
  'POST /api/devices/link': [
    {
      name: 'one-time codes asked for per device',
      allowed: OWNER_LIMITS.linkRequest.limit,
      windowMs: OWNER_LIMITS.linkRequest.windowMs,
      passes: 202,
      start: async ({ app }) => {
        const device = await newDevice(app)
        return () => link(app, device, freshPhone())
      },
    },
    {
      name: 'one-time codes asked for per phone',
      allowed: OWNER_LIMITS.linkRequest.limit,
      windowMs: OWNER_LIMITS.linkRequest.windowMs,
      passes: 202,
      start: ({ app }) => {
        const phone = freshPhone()
        return Promise.resolve(async () => link(app, await newDevice(app), phone))
      },
    },
  ],
  'POST /api/devices/link/confirm': [
    {
      name: 'wrong tries of one code',
      allowed: LINK_CODE_ATTEMPTS - 1,
      windowMs: LINK_CODE_TTL_MS,
      passes: 422,
      staysOn: 'a code dies after 5 wrong tries: a property of the code, not a load limit',
      start: async (t) => {
        const phone = freshPhone()
        const asker = await outstandingCode(t, phone)
        const wrong = String((Number(t.sender.sent.at(-1)?.code) + 1) % 1e6).padStart(6, '0')
        return () =>
          t.app.inject({
            method: 'POST',
            url: '/api/devices/link/confirm',
            headers: asker.headers,
            payload: { phone, code: wrong },
          })
      },
    },
  ],
  'POST /api/staff/session': [
    {
      name: 'failed sign-ins per username from one address',
      allowed: SIGN_IN_LIMITS.perPair,
      windowMs: SIGN_IN_RULES.pair.stepMs,
      passes: 401,
      start: ({ app }) => {
        const username = `nobody.${randomUUID().slice(0, 8)}`
        const remoteAddress = freshAddress()
        return Promise.resolve(() => signIn(app, username, remoteAddress))
      },
    },
    {
      name: 'failed sign-ins per username',
      allowed: SIGN_IN_LIMITS.perUsername,
      windowMs: SIGN_IN_LIMITS.windowMs,
      passes: 401,
      start: ({ app }) => {
        const username = `nobody.${randomUUID().slice(0, 8)}`
        return Promise.resolve(() => signIn(app, username, freshAddress()))
      },
    },
    {
      name: 'failed sign-ins per address',
      allowed: SIGN_IN_LIMITS.perAddress,
      windowMs: SIGN_IN_LIMITS.windowMs,
      passes: 401,
      start: ({ app }) => {
        const remoteAddress = freshAddress()
        return Promise.resolve((i: number) =>
          signIn(app, `nobody.${i}.${randomUUID()}`, remoteAddress),
        )
      },
    },
  ],
  'GET /api/events': { exempt: 'a cap on open streams per owner, covered by the events tests' },
  'GET /api/staff/events': {
    exempt: 'a cap on open streams per staff member, covered by the events tests',
  },
  'POST /open311/v2/requests.json': {
    exempt:
      'counts in the device’s report limit; covered by routes/open311/requests.bodies.test.ts',
  },
}

/** Public routes that need no limit: they neither store, look up secrets, nor send anything. */
export const UNLIMITED_PUBLIC_ROUTES: Readonly<Record<string, string>> = {
  'GET /api/health': 'one constant query',
  'GET /api/ready': 'one constant query; the proxy polls it',
  'GET /api/docs': 'a constant document, built once',
  'GET /api/docs/ui': 'a constant page, built once',
  'DELETE /api/staff/session': 'only ends the session its own cookie names',
  'GET /open311/v2/discovery.json': 'a constant document',
  'GET /open311/v2/services.json': 'a constant list',
  'GET /open311/v2/services/{code}.json': 'a constant definition per category',
  'GET /api/push/key': 'a constant key, read once at start',
}
