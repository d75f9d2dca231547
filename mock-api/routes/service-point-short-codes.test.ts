import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StaffServicePoint } from '../contract.js'
import { problemSchema, servicePointSchema, staffServicePointSchema } from '../contract.js'
import { normalizeShortCode } from '../shared/short-code.js'
import { DEMO_SERVICE_POINTS } from '../storage/demo-data.js'
import { databases, useStore } from '../test/databases.js'
import { seedStaff, signIn } from '../test/staff-fixtures.js'
import { buildTestApp } from '../test/test-app.js'
import { CODE_LOOKUP_LIMIT } from './codes.js'

type Cookies = Record<string, string>
type Reply = Awaited<ReturnType<FastifyInstance['inject']>>

/** The origin the link was made for, as written (the test server's host says `:80`). */
const originOf = (point: StaffServicePoint) => point.link.slice(0, point.link.indexOf('/q/'))

const SHAPE = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/

describe.each(databases)('short codes of service points on $name', (database) => {
  const store = useStore(database)
  let app: FastifyInstance
  let admin: Cookies
  let points: StaffServicePoint[]

  const open = (path: string, remoteAddress = '127.0.0.1') =>
    app.inject({ method: 'GET', url: path, remoteAddress })
  const expectProblem = (res: Reply, status: number, code: string) => {
    expect(res.statusCode, res.body).toBe(status)
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
    const problem = problemSchema.parse(res.json())
    expect(problem.type).toBe(`urn:guishang:problem:${code}`)
    expect(problem.message?.zh).toBeTruthy()
    return problem
  }
  const listPoints = async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/staff/service-points',
      cookies: admin,
    })
    return res
      .json<{ servicePoints: unknown[] }>()
      .servicePoints.map((p) => staffServicePointSchema.parse(p))
  }
  /** Follows `/w/<code>` to `/q/<token>` and asks the code lookup which point that is. */
  const pointBehind = async (res: Reply) => {
    expect(res.statusCode, res.body).toBe(302)
    const location = String(res.headers.location)
    expect(location).toMatch(/^\/q\/[A-Za-z0-9_-]+$/)
    const lookup = await open(`/api/codes/${location.slice(3)}`)
    expect(lookup.statusCode).toBe(200)
    return servicePointSchema.parse(lookup.json())
  }

  beforeAll(async () => {
    await seedStaff(store())
    app = await buildTestApp(store())
    admin = await signIn(app, 'admin')
    points = await listPoints()
  })
  afterAll(() => app.close())

  it('gives every point a unique short code from the unambiguous alphabet, with its address', () => {
    expect(points).toHaveLength(DEMO_SERVICE_POINTS.length)
    const codes = points.map((p) => p.shortCode)
    for (const point of points) {
      expect(point.shortCode).toMatch(SHAPE)
      expect(point.shortLink).toBe(`${originOf(point)}/w/${point.shortCode}`)
    }
    expect(new Set(codes).size).toBe(codes.length)
  })

  it('redirects /w/<code> to the point’s own window-code link, not cached', async () => {
    for (const point of points.slice(0, 3)) {
      const res = await open(`/w/${point.shortCode}`)
      expect(res.headers['cache-control']).toBe('no-store')
      expect(res.headers.location).toBe(new URL(point.link).pathname)
      expect((await pointBehind(res)).id).toBe(point.id)
    }
  })

  it('reads a typed code in lower case and with spaces or a dash', async () => {
    const point = points[0] as StaffServicePoint
    const code = point.shortCode
    const typed = `${code.slice(0, 3)}-${code.slice(3)}`.toLowerCase()
    expect((await pointBehind(await open(`/w/${typed}`))).id).toBe(point.id)
    expect(normalizeShortCode(` ${code.slice(0, 3)} ${code.slice(3).toLowerCase()} `)).toBe(code)
  })

  it('gives a new point a code at once, and keeps it when the point is listed again', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/staff/service-points',
      cookies: admin,
      payload: { hall: '柳南区政务服务中心', window: '9号窗口', divisionCode: '450204' },
    })
    expect(created.statusCode).toBe(201)
    const point = staffServicePointSchema.parse(created.json())
    expect(point.shortCode).toMatch(SHAPE)
    expect(points.map((p) => p.shortCode)).not.toContain(point.shortCode)
    const again = (await listPoints()).find((p) => p.id === point.id)
    expect(again?.shortCode).toBe(point.shortCode)
    expect((await pointBehind(await open(`/w/${point.shortCode}`))).id).toBe(point.id)
  })

  it('answers an unknown or malformed code 404 unknown_short_code, naming nothing', async () => {
    const taken = new Set(points.map((p) => p.shortCode))
    const unused = ['ZZZZZZ', 'YYYYYY', 'XXXXXX'].find((code) => !taken.has(code)) ?? 'WWWWWW'
    for (const code of [unused, 'O0I1L0', 'ABC', 'ABCDEFGH', '%E4%BD%A0']) {
      const problem = expectProblem(await open(`/w/${code}`), 404, 'unknown_short_code')
      const body = JSON.stringify(problem)
      for (const point of points) {
        expect(body).not.toContain(point.id)
        expect(body).not.toContain(point.hall)
      }
    }
    expectProblem(await open(`/api/short-codes/${unused}`), 404, 'unknown_short_code')
  })

  it('gives the app only the token behind a code', async () => {
    const point = points[1] as StaffServicePoint
    const res = await open(`/api/short-codes/${point.shortCode.toLowerCase()}`)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ token: new URL(point.link).pathname.slice(3) })
  })

  it('stops a retired point’s code with 410 retired_code', async () => {
    const point = points[2] as StaffServicePoint
    const retired = await app.inject({
      method: 'POST',
      url: `/api/staff/service-points/${point.id}/retire`,
      cookies: admin,
      payload: {},
    })
    expect(retired.statusCode).toBe(200)
    expectProblem(await open(`/w/${point.shortCode}`), 410, 'retired_code')
    expectProblem(await open(`/api/short-codes/${point.shortCode}`), 410, 'retired_code')
  })

  it('counts short-code lookups against the per-address code lookup limit', async () => {
    const code = (points[0] as StaffServicePoint).shortCode
    for (let i = 0; i < CODE_LOOKUP_LIMIT.limit; i++) {
      const path = i % 2 === 0 ? `/w/${code}` : `/w/ZZZZZ${String(i % 9)}`
      expect((await open(path, '203.0.113.9')).statusCode).not.toBe(429)
    }
    const limited = await open(`/w/${code}`, '203.0.113.9')
    expectProblem(limited, 429, 'rate_limited')
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
    // The same address is limited for window-code lookups too: one budget for every code.
    expectProblem(await open(`/api/short-codes/${code}`, '203.0.113.9'), 429, 'rate_limited')
    expect((await open(`/w/${code}`, '203.0.113.10')).statusCode).toBe(302)
  })

  it('prints the short address on the poster, and the address leads to the poster’s point', async () => {
    const point = points[0] as StaffServicePoint
    const res = await app.inject({
      method: 'GET',
      url: `/api/staff/service-points/${point.id}/poster`,
      cookies: admin,
    })
    expect(res.statusCode).toBe(200)
    const shown = /id="short-address"\s*>([^<]*)<b>([^<]*)<\/b>/.exec(res.body)
    expect(shown?.[1]).toBe(`${originOf(point)}/w/`)
    expect(shown?.[2]).toBe(point.shortCode)
    expect(res.body).not.toContain(new URL(point.link).pathname)
    expect((await pointBehind(await open(`/w/${shown?.[2] ?? ''}`))).id).toBe(point.id)
  })
})
