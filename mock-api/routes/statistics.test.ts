import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Statistics } from '../contract.js'
import { problemSchema, statisticsSchema } from '../contract.js'
import { databases, useStore } from '../test/databases.js'
import { seedStaff, signIn } from '../test/staff-fixtures.js'
import { seedTickets } from '../test/statistics-fixtures.js'
import { buildTestApp } from '../test/test-app.js'

type Cookies = Record<string, string>

describe.each(databases)('GET /api/staff/statistics on $name', (database) => {
  const store = useStore(database)
  let app: FastifyInstance
  const cookies: Record<string, Cookies> = {}

  const get = (who: string, query = '', headers: Record<string, string> = {}) =>
    app.inject({
      method: 'GET',
      url: `/api/staff/statistics${query}`,
      cookies: cookies[who] ?? {},
      headers,
    })
  const stats = async (who: string, query = '') => {
    const res = await get(who, query)
    expect(res.statusCode, res.body).toBe(200)
    return statisticsSchema.parse(res.json())
  }
  const counts = (s: Statistics) => s.groups.map((g) => [g.key, g.count])

  beforeAll(async () => {
    await seedStaff(store())
    await seedTickets(store().db)
    app = await buildTestApp(store())
    for (const who of ['office.nanning', 'office.liuzhou', 'office.region', 'admin']) {
      cookies[who] = await signIn(app, who)
    }
    cookies['desk.nanning'] = await signIn(app, 'desk.nanning')
    cookies['unit.nanning.amr'] = await signIn(app, 'unit.nanning.amr')
  })
  afterAll(() => app.close())

  it('gives a city office the rates of its division by category, hand-computed', async () => {
    const s = await stats('office.nanning')
    expect(s).toMatchObject({ groupBy: 'category', from: null, to: null })
    const byKey = Object.fromEntries(s.groups.map((g) => [g.key, g]))
    expect(Object.keys(byKey)).toEqual(['complaint', 'consultation', 'help'])
    expect(byKey.complaint).toMatchObject({
      label: '投诉',
      count: 1,
      responseRate: 1,
      onTimeAcceptanceRate: 1,
      onTimeHandlingRate: 1,
      resolutionRate: 1,
      satisfactionRate: 1,
      // Sat 14 Feb (a make-up working day), Tue 24 and Wed 25 Feb.
      averageWorkingDaysToClose: 3,
    })
    expect(byKey.complaint?.topTopics[0]?.topic).toMatch(/^经营主体登记注册/)
    expect(byKey.consultation).toMatchObject({ label: '咨询', count: 1, responseRate: null })
    expect(byKey.help).toMatchObject({
      label: '求助',
      count: 2,
      responseRate: 0.5,
      onTimeAcceptanceRate: 1,
      resolutionRate: 0,
      satisfactionRate: 1,
      averageWorkingDaysToClose: 0,
    })
    expect(s.total).toMatchObject({ count: 4, responseRate: 0.6667, satisfactionRate: 1 })
  })

  it('counts only 满意 when asked, and keeps other offices to their own division', async () => {
    const strict = await stats('office.nanning', '?countBasicAsSatisfied=false')
    expect(strict.countBasicAsSatisfied).toBe(false)
    expect(strict.total.satisfactionRate).toBe(0.5)
    const liuzhou = await stats('office.liuzhou')
    expect(counts(liuzhou)).toEqual([['report', 1]])
    expect(liuzhou.total).toMatchObject({ resolutionRate: 0, satisfactionRate: 0 })
  })

  it('gives the region office and the admin everything, by city, month and unit', async () => {
    expect(counts(await stats('office.region', '?groupBy=city'))).toEqual([
      ['450000', 1],
      ['450100', 4],
      ['450200', 1],
    ])
    const byMonth = await stats('admin', '?groupBy=month')
    expect(byMonth.groups.map((g) => [g.label, g.count])).toEqual([
      ['2026年1月', 1],
      ['2026年2月', 4],
      ['2026年3月', 1],
    ])
    const byUnit = await stats('office.nanning', '?groupBy=unit')
    expect(byUnit.groups.map((g) => [g.label, g.count])).toEqual([
      ['南宁市市场监督管理局', 1],
      ['南宁市人力资源和社会保障局', 1],
      ['未分派', 2],
    ])
    const region = await stats('admin', '?groupBy=city&city=450000')
    expect(region.groups).toMatchObject([{ label: '自治区本级', onTimeAcceptanceRate: 0 }])
  })

  it('filters by month range, category and city', async () => {
    const february = await stats('admin', '?from=2026-02&to=2026-02')
    expect(february).toMatchObject({ from: '2026-02', to: '2026-02', total: { count: 4 } })
    expect((await stats('admin', '?from=2026-03')).total.count).toBe(1)
    expect((await stats('admin', '?to=2026-01')).total.count).toBe(1)
    expect((await stats('admin', '?category=help')).total.count).toBe(2)
    expect((await stats('admin', '?city=450200')).total.count).toBe(1)
    expect((await stats('office.liuzhou', '?city=450200')).total.count).toBe(1)
  })

  it('keeps a city office to its own city filter (issue 17: it could pick all 14)', async () => {
    for (const city of ['450100', '450000', '450300']) {
      const res = await get('office.liuzhou', `?city=${city}`)
      expect(res.statusCode, city).toBe(422)
      expect(problemSchema.parse(res.json()).errors).toEqual([
        { field: 'city', code: 'out_of_scope' },
      ])
    }
    expect((await stats('office.region', '?city=450100')).total.count).toBeGreaterThan(0)
  })

  it('refuses bad filters with the field at fault', async () => {
    const cases = [
      ['?groupBy=county', 'groupBy'],
      ['?from=2026-13', 'from'],
      ['?from=2026-03&to=2026-02', 'to'],
      ['?city=450103', 'city'],
      ['?category=other', 'category'],
    ] as const
    for (const [query, field] of cases) {
      const res = await get('admin', query)
      expect(res.statusCode, query).toBe(422)
      expect(problemSchema.parse(res.json()).errors?.map((e) => e.field)).toContain(field)
    }
  })

  it('answers CSV with a BOM, a header row and Chinese labels', async () => {
    for (const res of [
      await get('office.nanning', '?format=csv'),
      await get('office.nanning', '', { accept: 'text/csv' }),
    ]) {
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8')
      expect(String(res.headers['content-disposition'])).toMatch(
        /^attachment; filename="statistics-category\.csv"/,
      )
      expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
      const lines = res.rawPayload.subarray(3).toString('utf8').split('\r\n')
      expect(lines[0]).toBe(
        '类别,工单数,响应率,按时受理率,按时办理率,解决率,满意率,平均办结工作日,热点问题',
      )
      expect(lines[1]).toMatch(
        /^投诉,1,100\.0%,100\.0%,100\.0%,100\.0%,100\.0%,3\.0,经营主体登记注册/,
      )
      expect(lines[2]).toBe('咨询,1,,,,,,,')
      expect(lines[4]).toMatch(/^合计,4,66\.7%,/)
      expect(lines[5]).toBe('')
    }
  })

  it('is for offices and the admin only', async () => {
    expect((await get('desk.nanning')).statusCode).toBe(403)
    expect((await get('unit.nanning.amr')).statusCode).toBe(403)
    expect((await get('nobody')).statusCode).toBe(401)
  })
})
