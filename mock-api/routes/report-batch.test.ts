import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  REPORT_BATCH_MAX,
  problemSchema,
  reportBatchAnswerSchema,
  ticketSchema,
} from '../contract.js'
import { seedDemo } from '../storage/seed.js'
import { databases, useStore } from '../test/databases.js'
import type { Device } from '../test/owner-fixtures.js'
import { buildOwnerApp, newDevice, postReport, reportBody } from '../test/owner-fixtures.js'
import { FIXED_NOW } from '../test/test-app.js'

describe.each(databases)('POST /api/reports/batch on $name', (database) => {
  const store = useStore(database)
  let app: FastifyInstance
  let device: Device
  beforeAll(async () => {
    await seedDemo(store().db, { password: 'demo-password-for-tests', now: FIXED_NOW })
    app = (await buildOwnerApp(store())).app
    device = await newDevice(app)
  })
  afterAll(() => app.close())

  const postBatch = (reports: unknown[], who: Device | null = device) =>
    app.inject({
      method: 'POST',
      url: '/api/reports/batch',
      headers: who?.headers ?? {},
      payload: { reports },
    })
  const ticketsWithIds = async (ids: string[]) =>
    (await store().db.selectFrom('tickets').select('id').where('id', 'in', ids).execute()).length

  it('creates one ticket per report and answers each in the order sent', async () => {
    const bodies = [reportBody(), reportBody({ title: '第二个' }), reportBody({ title: '第三个' })]
    const res = await postBatch(bodies)
    expect(res.statusCode).toBe(200)
    const { results } = reportBatchAnswerSchema.parse(res.json())
    expect(results.map((each) => each.status)).toEqual([201, 201, 201])
    const tickets = results.map((each) => ticketSchema.parse(each.body))
    expect(tickets.map((ticket) => ticket.id)).toEqual(bodies.map((body) => body.id))
    expect(tickets.map((ticket) => ticket.title)).toEqual([
      '办理营业执照变更太慢',
      '第二个',
      '第三个',
    ])
    expect(new Set(tickets.map((ticket) => ticket.number)).size).toBe(3)
    expect(await ticketsWithIds(bodies.map((body) => body.id))).toBe(3)
  })

  it('sent again after a lost answer, creates nothing twice and answers with the same tickets', async () => {
    const bodies = [reportBody(), reportBody()]
    const first = reportBatchAnswerSchema.parse((await postBatch(bodies)).json()).results
    const again = reportBatchAnswerSchema.parse((await postBatch(bodies)).json()).results
    expect(again.map((each) => each.status)).toEqual([200, 200])
    const numbers = (results: typeof first) =>
      results.map((each) => ticketSchema.parse(each.body).number)
    expect(numbers(again)).toEqual(numbers(first))
    expect(await ticketsWithIds(bodies.map((body) => body.id))).toBe(2)
    // One already sent alone, one new: the same rule as POST /api/reports for each.
    const alone = reportBody()
    await postReport(app, device, alone)
    const mixed = reportBatchAnswerSchema.parse((await postBatch([alone, reportBody()])).json())
    expect(mixed.results.map((each) => each.status)).toEqual([200, 201])
  })

  it('refuses a report at fault alone, in its own answer, and keeps the others', async () => {
    const good = reportBody()
    const conflict = reportBody()
    await postReport(app, device, conflict)
    const res = await postBatch([
      { ...reportBody(), divisionCode: '110101' },
      good,
      { ...conflict, title: '另一个问题' },
    ])
    expect(res.statusCode).toBe(200)
    const { results } = reportBatchAnswerSchema.parse(res.json())
    expect(results.map((each) => each.status)).toEqual([422, 201, 409])
    expect(problemSchema.parse(results[0]?.body).errors).toContainEqual({
      field: 'divisionCode',
      code: 'invalid_division',
    })
    expect(problemSchema.parse(results[2]?.body).type).toBe('urn:guishang:problem:report_conflict')
    expect(await ticketsWithIds([good.id])).toBe(1)
  })

  it('refuses a stranger, an empty batch and an oversized one as a whole', async () => {
    expect((await postBatch([reportBody()], null)).statusCode).toBe(401)
    expect((await postBatch([])).statusCode).toBe(422)
    const tooMany = Array.from({ length: REPORT_BATCH_MAX + 1 }, () => reportBody())
    expect((await postBatch(tooMany)).statusCode).toBe(422)
    expect(await ticketsWithIds(tooMany.map((body) => body.id))).toBe(0)
  })
})
