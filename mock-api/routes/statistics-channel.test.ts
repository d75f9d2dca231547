import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { statisticsSchema } from '../contract.js'
import { databases, useStore } from '../test/databases.js'
import { CREDIT_CODE, PHONE } from '../test/owner-fixtures.js'
import { reportTicket, seedStaff, signIn } from '../test/staff-fixtures.js'
import { buildTestApp } from '../test/test-app.js'

describe.each(databases)('statistics by channel on $name', (database) => {
  const store = useStore(database)
  let app: FastifyInstance
  let office: Record<string, string>

  beforeAll(async () => {
    await seedStaff(store())
    app = await buildTestApp(store())
    office = await signIn(app, 'office.nanning')
    const desk = await signIn(app, 'desk.nanning')
    await reportTicket(store().db)
    for (const channel of ['phone', 'phone', 'handed_down'] as const) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/staff/intake',
        cookies: desk,
        payload: {
          id: randomUUID(),
          channel,
          category: 'help',
          title: '来电求助',
          description: '电话里说明的情况。',
          business: { name: '青秀区小明便利店', creditCode: CREDIT_CODE, kind: 'individual' },
          contact: { name: '张小明', phone: PHONE },
          divisionCode: '450103',
          ...(channel === 'handed_down'
            ? { handedDown: { issuer: '自治区政府办公厅', documentNumber: '交办〔2026〕1号' } }
            : {}),
        },
      })
      expect(res.statusCode, res.body).toBe(201)
    }
  })
  afterAll(() => app.close())

  it('counts tickets per channel, and filters by one', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/staff/statistics?groupBy=channel',
      cookies: office,
    })
    expect(res.statusCode, res.body).toBe(200)
    const stats = statisticsSchema.parse(res.json())
    expect(stats.groups.map((g) => [g.key, g.label, g.count])).toEqual([
      ['app', '手机反映', 1],
      ['handed_down', '上级转办交办', 1],
      ['phone', '12345热线', 2],
    ])
    const phoneOnly = await app.inject({
      method: 'GET',
      url: '/api/staff/statistics?groupBy=category&channel=phone',
      cookies: office,
    })
    expect(statisticsSchema.parse(phoneOnly.json()).total.count).toBe(2)
  })

  it('writes the channel as the CSV’s first column', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/staff/statistics?groupBy=channel&format=csv',
      cookies: office,
    })
    expect(res.headers['content-type']).toContain('text/csv')
    const rows = res.body.slice(1).split('\r\n')
    expect(rows[0]?.startsWith('渠道,工单数')).toBe(true)
    expect(rows.some((row) => row.startsWith('12345热线,2,'))).toBe(true)
  })
})
