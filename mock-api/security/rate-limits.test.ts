// Every limit a route documents trips exactly at its number with 429, a problem and Retry-After;
// RATE_LIMITS=off (load tests, benchmarks) lifts each of them and counts nothing. The table must
// name every route that documents a 429, and every public route has a limit or a stated reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { problemSchema } from '../contract.js'
import { allRouteDocs } from '../openapi/route-docs.js'
import { databases, useStore } from '../test/databases.js'
import type { OwnerTestApp } from '../test/owner-fixtures.js'
import { buildOwnerApp } from '../test/owner-fixtures.js'
import type { World } from './fixture-world.js'
import { CODE_SECRET, buildWorld } from './fixture-world.js'
import type { LimitCase } from './rate-limit-cases.js'
import { ROUTE_LIMITS, UNLIMITED_PUBLIC_ROUTES } from './rate-limit-cases.js'
import { routeKey } from './requests.js'

const CASES = Object.entries(ROUTE_LIMITS).flatMap(([key, limits]) =>
  'exempt' in limits ? [] : limits.map((limit) => [`${key}: ${limit.name}`, limit] as const),
)

describe('the rate-limit table', () => {
  it('names every route that documents a 429, and every public route has a limit or a reason', () => {
    const unknown = allRouteDocs()
      .filter((doc) => doc.responses[429] !== undefined)
      .map(routeKey)
      .filter((key) => ROUTE_LIMITS[key] === undefined)
    expect(unknown, 'add these to mock-api/security/rate-limit-cases.ts').toEqual([])
    const unlimited = allRouteDocs()
      .filter((doc) => doc.auth.kind === 'public' && doc.responses[429] === undefined)
      .map(routeKey)
      .filter((key) => UNLIMITED_PUBLIC_ROUTES[key] === undefined)
    expect(unlimited, 'public routes with neither a limit nor a reason').toEqual([])
  })
})

describe.each(databases)('rate limits on $name', (database) => {
  const store = useStore(database)
  let w: World
  let off: OwnerTestApp
  beforeAll(async () => {
    w = await buildWorld(store())
    off = await buildOwnerApp(store(), { CODE_SECRET, RATE_LIMITS: 'off' })
  })
  afterAll(async () => {
    await off.app.close()
    await w.app.close()
  })

  const countLimitRows = async () => {
    const row = await store()
      .db.selectFrom('rate_limits')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }

  async function within(limit: LimitCase, t: OwnerTestApp) {
    const send = await limit.start(t, w)
    for (let i = 0; i < limit.allowed; i++) {
      const res = await send(i)
      expect(res.statusCode, `request ${i + 1}: ${res.body}`).toBe(limit.passes)
    }
    return send
  }

  // A failed sign-in costs a password hash, so the sign-in sequences take seconds on a busy machine.
  const SLOW = { timeout: 60_000 }

  it.each(CASES)('%s: the next one is refused with 429 and Retry-After', SLOW, async (_, limit) => {
    const send = await within(limit, w)
    const res = await send(limit.allowed)
    expect(res.statusCode, res.body).toBe(429)
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(problemSchema.parse(res.json()).message?.zh).toBeTruthy()
    if (limit.staysOn !== undefined) return
    const retryAfter = Number(res.headers['retry-after'])
    expect(Number.isInteger(retryAfter), String(res.headers['retry-after'])).toBe(true)
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfter).toBeLessThanOrEqual(limit.windowMs / 1000)
  })

  it.each(CASES)('%s: RATE_LIMITS=off lifts it and counts nothing', SLOW, async (_, limit) => {
    const before = await countLimitRows()
    const send = await within(limit, off)
    const next = await send(limit.allowed)
    if (limit.staysOn !== undefined) {
      expect(next.statusCode, limit.staysOn).toBe(429)
      return
    }
    expect(next.statusCode, next.body).toBe(limit.passes)
    expect((await send(limit.allowed + 1)).statusCode).toBe(limit.passes)
    expect(await countLimitRows()).toBe(before)
  })
})
