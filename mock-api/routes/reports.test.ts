import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { problemSchema, ticketSchema } from '../contract.js'
import { seedDemo } from '../storage/seed.js'
import { signServicePointToken } from '../storage/service-point-tokens.js'
import { databases, useStore } from '../test/databases.js'
import type { Device } from '../test/owner-fixtures.js'
import {
  CREDIT_CODE_BAD_CHECK,
  buildOwnerApp,
  newDevice,
  postReport,
  reportBody,
} from '../test/owner-fixtures.js'
import { FIXED_NOW } from '../test/test-app.js'

describe.each(databases)('POST /api/reports on $name', (database) => {
  const store = useStore(database)
  let app: FastifyInstance
  let device: Device
  beforeAll(async () => {
    await seedDemo(store().db, { password: 'demo-password-for-tests', now: FIXED_NOW })
    app = (await buildOwnerApp(store())).app
    device = await newDevice(app)
  })
  afterAll(() => app.close())

  const countTickets = async () => {
    const row = await store()
      .db.selectFrom('tickets')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }
  const problemOf = (body: string) => problemSchema.parse(JSON.parse(body))

  it('creates the ticket with its receipt, at the city desk, with the acceptance clock running', async () => {
    const body = reportBody()
    const res = await postReport(app, device, body)
    expect(res.statusCode).toBe(201)
    const ticket = ticketSchema.parse(res.json())
    expect(ticket).toMatchObject({ id: body.id, status: 'submitted', category: 'complaint' })
    expect(ticket.number).toMatch(/^GX260213\d{4}$/)
    expect(ticket.code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/)
    expect(ticket.due).toMatchObject({ step: 'acceptance', at: '2026-02-15T00:00:00+08:00' })
    expect(ticket.history).toMatchObject([
      { type: 'submit', from: null, to: 'submitted', role: 'owner' },
    ])
    expect(ticket.business).toEqual(body.business)
    const row = await store()
      .db.selectFrom('tickets')
      .selectAll()
      .where('id', '=', body.id)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({
      desk_division_code: '450100',
      credit_code_unverified: 0,
      service_point_id: null,
    })
    const phones = await store().db.selectFrom('owner_phones').selectAll().execute()
    expect(JSON.stringify(phones)).not.toContain(body.contact.phone)
    expect(phones.length).toBeGreaterThan(0)
  })

  it('answers a repeat with the same ticket, and another body under the same id with 409', async () => {
    const body = reportBody()
    const first = await postReport(app, device, body)
    const again = await postReport(app, device, body)
    expect(again.statusCode).toBe(200)
    expect(again.json()).toMatchObject({
      id: body.id,
      number: first.json().number,
      code: first.json().code,
    })
    const changed = await postReport(app, device, { ...body, title: '另一个问题' })
    expect(changed.statusCode).toBe(409)
    expect(problemOf(changed.body).type).toBe('urn:guishang:problem:report_conflict')
  })

  it('refuses the same id from another owner without revealing the ticket', async () => {
    const body = reportBody()
    const first = await postReport(app, device, body)
    const stranger = await newDevice(app)
    const res = await postReport(app, stranger, body)
    expect(res.statusCode).toBe(409)
    expect(res.body).not.toContain(first.json().number)
    expect(res.body).not.toContain(first.json().code)
  })

  it('names the field at fault and stores nothing', async () => {
    const before = await countTickets()
    const cases = [
      [{ divisionCode: '110101' }, 'divisionCode', 'invalid_division'],
      [{ category: 'gossip' }, 'category', 'invalid_value'],
      [{ contact: { name: '张', phone: '12345' } }, 'contact.phone', 'invalid_phone'],
      [{ title: '   ' }, 'title', 'required'],
    ] as const
    for (const [overrides, field, code] of cases) {
      const res = await postReport(app, device, { ...reportBody(), ...overrides })
      expect(res.statusCode).toBe(422)
      expect(problemOf(res.body).errors).toContainEqual({ field, code })
    }
    expect(await countTickets()).toBe(before)
  })

  it('warns about a failing check character, and keeps the code once the owner confirms it', async () => {
    const business = {
      name: '老字号',
      creditCode: CREDIT_CODE_BAD_CHECK,
      kind: 'enterprise' as const,
    }
    const refused = await postReport(app, device, reportBody({ business }))
    expect(refused.statusCode).toBe(422)
    expect(problemOf(refused.body).errors).toEqual([
      { field: 'business.creditCode', code: 'credit_code_checksum' },
    ])
    const badFormat = await postReport(
      app,
      device,
      reportBody({ business: { ...business, creditCode: 'O1' } }),
    )
    expect(problemOf(badFormat.body).errors).toContainEqual({
      field: 'business.creditCode',
      code: 'invalid_credit_code',
    })

    const body = reportBody({ business: { ...business, creditCodeConfirmed: true } })
    expect((await postReport(app, device, body)).statusCode).toBe(201)
    const row = await store()
      .db.selectFrom('tickets')
      .selectAll()
      .where('id', '=', body.id)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({
      credit_code_unverified: 1,
      business_credit_code: CREDIT_CODE_BAD_CHECK,
    })
  })

  it('takes the service point and desk from a window code, and refuses forged or retired codes', async () => {
    const { db } = store()
    const secret = (
      await db
        .selectFrom('settings')
        .select('value')
        .where('key', '=', 'secret.code')
        .executeTakeFirstOrThrow()
    ).value
    const token = signServicePointToken(secret, { id: 'sp-region-center-1', version: 1 })
    const body = reportBody({ servicePointToken: token })
    const res = await postReport(app, device, body)
    expect(res.statusCode).toBe(201)
    expect(res.json().servicePoint).toMatchObject({ id: 'sp-region-center-1' })
    const row = await db
      .selectFrom('tickets')
      .selectAll()
      .where('id', '=', body.id)
      .executeTakeFirstOrThrow()
    expect(row.desk_division_code).toBe('450000')

    const forged = signServicePointToken('not-the-server-secret-but-long-enough', {
      id: 'sp-region-center-1',
      version: 1,
    })
    const forgedRes = await postReport(app, device, reportBody({ servicePointToken: forged }))
    expect(forgedRes.statusCode).toBe(422)
    expect(problemOf(forgedRes.body).errors).toEqual([
      { field: 'servicePointToken', code: 'invalid_code' },
    ])

    await db
      .updateTable('service_points')
      .set({ retired_at: FIXED_NOW.toISOString() })
      .where('id', '=', 'sp-liuzhou-liunan-2')
      .execute()
    const retired = signServicePointToken(secret, { id: 'sp-liuzhou-liunan-2', version: 1 })
    const retiredRes = await postReport(app, device, reportBody({ servicePointToken: retired }))
    expect(problemOf(retiredRes.body).errors).toEqual([
      { field: 'servicePointToken', code: 'retired_code' },
    ])
  })

  it('answers a new report with exactly the ticket a read returns, with or without a window code', async () => {
    const secret = (
      await store()
        .db.selectFrom('settings')
        .select('value')
        .where('key', '=', 'secret.code')
        .executeTakeFirstOrThrow()
    ).value
    const token = signServicePointToken(secret, { id: 'sp-nanning-center-3', version: 1 })
    for (const body of [reportBody(), reportBody({ servicePointToken: token })]) {
      const created = await postReport(app, device, body)
      expect(created.statusCode).toBe(201)
      const read = await app.inject({
        method: 'GET',
        url: `/api/tickets/${body.id}`,
        headers: device.headers,
      })
      expect(created.json()).toEqual(read.json())
    }
  })

  it('stores HTML in the title as text and returns it verbatim', async () => {
    const title = '<img src=x onerror=alert(1)>'
    const res = await postReport(app, device, reportBody({ title }))
    expect(res.statusCode).toBe(201)
    expect(res.headers['content-type']).toMatch(/^application\/json/)
    expect(res.json().title).toBe(title)
  })

  it('numbers tickets uniquely and in sequence within the China day', async () => {
    const numbers = []
    for (let i = 0; i < 3; i++)
      numbers.push((await postReport(app, device, reportBody())).json().number as string)
    const sequence = numbers.map((n) => Number(n.slice(8)))
    expect(sequence[1]).toBe((sequence[0] ?? 0) + 1)
    expect(sequence[2]).toBe((sequence[0] ?? 0) + 2)
  })

  it('makes one ticket of two simultaneous posts of the same report', async () => {
    const body = reportBody()
    const before = await countTickets()
    const answers = await Promise.all([
      postReport(app, device, body),
      postReport(app, device, body),
    ])
    expect(answers.map((res) => res.statusCode).sort()).toEqual([200, 201])
    expect(answers[0]?.json().number).toBe(answers[1]?.json().number)
    expect(await countTickets()).toBe(before + 1)
  })

  it('requires a device credential', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/reports', payload: reportBody() })
    expect(res.statusCode).toBe(401)
  })
})
