// Every documented route tried as the wrong party, generated from the RouteDocs: another owner, a
// desk, unit or office of another city, the admin, an owner on staff routes, no credential at
// all. Each refusal is a problem that stores nothing, a 404 reads exactly like a missing id, and
// the right party gets its 2xx on the same request, so every refusal here is one that matters.
import { randomUUID } from 'node:crypto'
import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { problemSchema } from '../contract.js'
import { problemFor, toProblem } from '../plugins/problems.js'
import { allRouteDocs } from '../openapi/route-docs.js'
import { databases, useStore } from '../test/databases.js'
import type { Party, World } from './fixture-world.js'
import { PARTIES, buildWorld } from './fixture-world.js'
import type { LiveRoute } from './requests.js'
import {
  expectedStatus,
  hasIdParam,
  jsonBodySchemaOf,
  liveRoutes,
  requestFor,
  routeKey,
} from './requests.js'
import type { Target } from './route-cases.js'
import { ROUTE_CASES } from './route-cases.js'
import { snapshot } from './store-snapshot.js'

const NOT_FOUND = toProblem(problemFor(404))
const ID_ROUTES = liveRoutes().filter((route) => hasIdParam(route.doc))

function expectProblem(res: LightMyRequestResponse, status: number, label: string) {
  expect(res.statusCode, `${label}: ${res.body.slice(0, 300)}`).toBe(status)
  expect(res.headers['content-type'], label).toMatch(/^application\/problem\+json/)
  const problem = problemSchema.parse(res.json())
  expect(problem.message?.zh, label).toBeTruthy()
  expect(problem.message?.en, label).toBeTruthy()
}

const isOk = (res: LightMyRequestResponse) => res.statusCode >= 200 && res.statusCode < 300

/** The route's target with every id replaced by one that names nothing. */
const missingTarget = (target: Target): Target => ({
  ...target,
  params: Object.fromEntries(Object.keys(target.params ?? {}).map((name) => [name, randomUUID()])),
})

describe('the security route table', () => {
  it('has a case for every documented route', () => {
    const missing = allRouteDocs()
      .map(routeKey)
      .filter((key) => ROUTE_CASES[key] === undefined)
    expect(missing, 'add these to mock-api/security/route-cases.ts').toEqual([])
  })
})

describe.each(databases)('the wrong party on $name', (database) => {
  const store = useStore(database)
  let w: World
  beforeAll(async () => {
    w = await buildWorld(store())
  })
  afterAll(() => w.app.close())

  /** Sends the request as `party` and checks the refusal changed nothing. */
  async function refused(route: LiveRoute, party: Party, status: number, target?: Target) {
    const label = `${route.key} as ${party}`
    const before = await snapshot(store())
    const res = await w.app.inject(requestFor(w, route, party, target))
    expectProblem(res, status, label)
    expect(await snapshot(store()), label).toEqual(before)
    return res
  }

  it('gets a valid body from the table for every route with a JSON body', () => {
    for (const { doc, kase, key } of liveRoutes()) {
      const schema = jsonBodySchemaOf(doc)
      expect(schema !== null, `${key}: body in the case but not in the doc`).toBe(
        kase.body !== undefined,
      )
      if (schema && kase.body) expect(schema.safeParse(kase.body(w)).error, key).toBeUndefined()
    }
  })

  it.each(ID_ROUTES.map((route) => [route.key, route] as const))('%s', async (_, route) => {
    const { doc, kase } = route
    for (const party of PARTIES) {
      const expected = expectedStatus(doc, kase, party)
      if (expected === null || expected === 'ok') continue
      const res = await refused(route, party, expected)
      if (expected === 404) expect(res.json(), party).toEqual(NOT_FOUND)
    }
    const target = kase.target?.(w) ?? {}
    const foreign = kase.foreign?.(w)
    for (const party of kase.right) {
      if (foreign) await refused(route, party, 404, foreign)
      if (doc.auth.kind !== 'public') {
        const res = await refused(route, party, 404, missingTarget(target))
        expect(res.json(), `${party} on a missing id`).toEqual(NOT_FOUND)
      }
    }
    for (const party of kase.right) {
      const res = await w.app.inject(requestFor(w, route, party))
      expect(isOk(res), `${route.key} as ${party}: ${res.statusCode} ${res.body}`).toBe(true)
    }
  })

  it('answers 401 on every route that is not public when no credential comes', async () => {
    const guarded = liveRoutes().filter((route) => route.doc.auth.kind !== 'public')
    expect(guarded.length).toBeGreaterThan(20)
    for (const route of guarded) await refused(route, 'anonymous', 401)
  })

  it('answers 401 or 403 to an owner credential on every staff route', async () => {
    const staffRoutes = liveRoutes().filter(({ doc }) => doc.path.startsWith('/api/staff/'))
    for (const route of staffRoutes) {
      if (route.doc.auth.kind === 'public') continue
      const before = await snapshot(store())
      const res = await w.app.inject(requestFor(w, route, 'owner'))
      expect([401, 403], `${route.key}: ${res.statusCode}`).toContain(res.statusCode)
      expect(await snapshot(store()), route.key).toEqual(before)
    }
  })

  it('answers 401 to a staff session on every route only owners may use', async () => {
    const ownerOnly = liveRoutes().filter(
      ({ doc, kase }) =>
        doc.auth.kind === 'owner' && expectedStatus(doc, kase, 'deskNanning') === 401,
    )
    expect(ownerOnly.map((route) => route.key)).toContain('POST /api/reports')
    for (const route of ownerOnly) await refused(route, 'deskNanning', 401)
  })
})
