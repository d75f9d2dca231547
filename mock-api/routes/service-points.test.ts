import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StaffServicePoint } from '../contract.js'
import { problemSchema, staffServicePointSchema } from '../contract.js'
import { DEMO_SERVICE_POINTS } from '../storage/demo-data.js'
import { databases, useStore } from '../test/databases.js'
import { seedStaff, signIn } from '../test/staff-fixtures.js'
import { FIXED_NOW, buildTestApp, testClock } from '../test/test-app.js'

type Cookies = Record<string, string>

const NEW_POINT = { hall: '柳南区政务服务中心', window: '8号窗口', divisionCode: '450204' }

describe.each(databases)('service points admin on $name', (database) => {
  const store = useStore(database)
  const clock = testClock()
  let app: FastifyInstance
  let admin: Cookies
  let nanningDesk: Cookies
  let unit: Cookies

  const list = (cookies: Cookies) =>
    app.inject({ method: 'GET', url: '/api/staff/service-points', cookies })
  const create = (cookies: Cookies, payload: object) =>
    app.inject({ method: 'POST', url: '/api/staff/service-points', cookies, payload })
  const retire = (cookies: Cookies, id: string) =>
    app.inject({
      method: 'POST',
      url: `/api/staff/service-points/${id}/retire`,
      cookies,
      payload: {},
    })
  const lookup = (link: string) =>
    app.inject({ method: 'GET', url: `/api/codes/${new URL(link).pathname.slice(3)}` })
  const countPoints = async () => {
    const row = await store()
      .db.selectFrom('service_points')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }
  const expectProblem = (res: Awaited<ReturnType<typeof list>>, status: number) => {
    expect(res.statusCode, res.body).toBe(status)
    return problemSchema.parse(res.json())
  }

  beforeAll(async () => {
    await seedStaff(store())
    app = await buildTestApp(store(), { clock })
    admin = await signIn(app, 'admin')
    nanningDesk = await signIn(app, 'desk.nanning')
    unit = await signIn(app, 'unit.nanning.amr')
  })
  afterAll(() => app.close())

  it('lists every point to the admin, each with a link that resolves to it', async () => {
    const res = await list(admin)
    expect(res.statusCode).toBe(200)
    const points = res
      .json<{ servicePoints: unknown[] }>()
      .servicePoints.map((p) => staffServicePointSchema.parse(p))
    expect(points.map((p) => p.id).sort()).toEqual(DEMO_SERVICE_POINTS.map((p) => p.id).sort())
    const first = points[0] as StaffServicePoint
    expect(first.link).toMatch(/^http:\/\/localhost(:\d+)?\/q\/[A-Za-z0-9_-]+$/)
    const resolved = await lookup(first.link)
    expect(resolved.statusCode).toBe(200)
    expect(resolved.json()).toMatchObject({ id: first.id, deskId: first.deskId })
  })

  it('lists a desk only its own desk’s points, and refuses other roles', async () => {
    const res = await list(nanningDesk)
    expect(res.statusCode).toBe(200)
    const desks = res
      .json<{ servicePoints: StaffServicePoint[] }>()
      .servicePoints.map((p) => p.deskDivisionCode)
    expect(desks).toHaveLength(3)
    expect(new Set(desks)).toEqual(new Set(['450100']))
    expectProblem(await list(unit), 403)
    expectProblem(await list({}), 401)
    const owner = await app.inject({
      method: 'GET',
      url: '/api/staff/service-points',
      headers: { authorization: 'Bearer some-device-credential' },
    })
    expectProblem(owner, 401)
  })

  it('builds links on the public origin, trusting X-Forwarded-* only with TRUST_PROXY', async () => {
    const forwarded = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'gsm.example.cn' }
    const linkOf = async (server: FastifyInstance, cookies: Cookies) => {
      const res = await server.inject({
        method: 'GET',
        url: '/api/staff/service-points',
        cookies,
        headers: forwarded,
      })
      return new URL(
        res.json<{ servicePoints: StaffServicePoint[] }>().servicePoints[0]?.link ?? '',
      )
    }
    expect((await linkOf(app, admin)).origin).toMatch(/^http:\/\/localhost/)
    const proxied = await buildTestApp(store(), { clock, env: { TRUST_PROXY: '1' } })
    try {
      const link = await linkOf(proxied, await signIn(proxied, 'admin'))
      expect(link.origin).toBe('https://gsm.example.cn')
      expect(link.pathname).toMatch(/^\/q\/[A-Za-z0-9_-]+$/)
    } finally {
      await proxied.close()
    }
  })

  it('creates a point whose desk defaults to the division’s city, and its code resolves', async () => {
    clock.set(new Date('2026-02-13T03:00:00Z'))
    const res = await create(admin, NEW_POINT)
    expect(res.statusCode, res.body).toBe(201)
    const created = staffServicePointSchema.parse(res.json())
    expect(created).toMatchObject({
      name: '柳南区政务服务中心 8号窗口',
      divisionCode: '450204',
      cityCode: '450200',
      deskDivisionCode: '450200',
      deskId: 'desk-450200',
      deskName: '柳州市专席',
      createdAt: '2026-02-13T03:00:00.000Z',
      retiredAt: null,
    })
    const resolved = await lookup(created.link)
    expect(resolved.statusCode).toBe(200)
    expect(resolved.json()).toMatchObject({ id: created.id, hall: NEW_POINT.hall })
    clock.set(FIXED_NOW)
  })

  it('lets a point send its reports to the region desk, but to no other city', async () => {
    const region = await create(admin, {
      ...NEW_POINT,
      name: '专用窗口',
      deskDivisionCode: '450000',
    })
    expect(region.statusCode).toBe(201)
    expect(region.json()).toMatchObject({ name: '专用窗口', deskDivisionCode: '450000' })
    const before = await countPoints()
    const wrong = expectProblem(
      await create(admin, { ...NEW_POINT, deskDivisionCode: '450100' }),
      422,
    )
    expect(wrong.errors).toEqual([{ field: 'deskDivisionCode', code: 'invalid_desk' }])
    expect(await countPoints()).toBe(before)
  })

  it('refuses bad input, other roles and non-JSON bodies, storing nothing', async () => {
    const before = await countPoints()
    const missing = expectProblem(
      await create(admin, { window: '1号窗口', divisionCode: '450204' }),
      422,
    )
    expect(missing.errors?.map((e) => e.field)).toContain('hall')
    const badDivision = expectProblem(
      await create(admin, { ...NEW_POINT, divisionCode: '110000' }),
      422,
    )
    expect(badDivision.errors?.map((e) => e.field)).toContain('divisionCode')
    expectProblem(await create(nanningDesk, NEW_POINT), 403)
    expectProblem(await create({}, NEW_POINT), 401)
    const form = await app.inject({
      method: 'POST',
      url: '/api/staff/service-points',
      cookies: admin,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'hall=x&window=y&divisionCode=450204',
    })
    expectProblem(form, 415)
    expect(await countPoints()).toBe(before)
  })

  it('retires a point: its code answers 410 from then on, and retiring again changes nothing', async () => {
    const created = staffServicePointSchema.parse((await create(admin, NEW_POINT)).json())
    clock.set(new Date('2026-02-13T04:00:00Z'))
    expectProblem(await retire(nanningDesk, created.id), 403)
    expect((await lookup(created.link)).statusCode).toBe(200)
    const res = await retire(admin, created.id)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ id: created.id, retiredAt: '2026-02-13T04:00:00.000Z' })
    const gone = await lookup(created.link)
    expect(gone.statusCode).toBe(410)
    expect(problemSchema.parse(gone.json()).type).toBe('urn:guishang:problem:retired_code')
    clock.set(new Date('2026-02-13T05:00:00Z'))
    expect((await retire(admin, created.id)).json()).toMatchObject({
      retiredAt: '2026-02-13T04:00:00.000Z',
    })
    expectProblem(await retire(admin, 'sp-nowhere'), 404)
    clock.set(FIXED_NOW)
  })
})
