import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { IntakeInput } from '../contract.js'
import { businessHistorySchema, intakeTicketSchema, problemSchema } from '../contract.js'
import { createStaff } from '../storage/staff-accounts.js'
import { databases, useStore } from '../test/databases.js'
import { CREDIT_CODE, CREDIT_CODE_BAD_CHECK, PHONE } from '../test/owner-fixtures.js'
import { STAFF_PASSWORD, seedStaff, signIn } from '../test/staff-fixtures.js'
import { FIXED_NOW, buildTestApp } from '../test/test-app.js'

type Body = Omit<IntakeInput, 'confidential'> & { confidential?: boolean }

const intakeBody = (overrides: Partial<Body> = {}): Body => ({
  id: randomUUID(),
  channel: 'phone',
  category: 'help',
  title: '申请稳岗补贴不知道找谁',
  description: '电话来电：想了解稳岗补贴的申请材料。',
  business: { name: '青秀区小明便利店', creditCode: CREDIT_CODE, kind: 'individual' },
  contact: { name: '张小明', phone: PHONE },
  divisionCode: '450103',
  ...overrides,
})

describe.each(databases)('POST /api/staff/intake on $name', (database) => {
  const store = useStore(database)
  let app: FastifyInstance
  const cookies: Record<string, Record<string, string>> = {}

  beforeAll(async () => {
    await seedStaff(store())
    await createStaff(
      store().db,
      {
        username: 'window.liuzhou',
        displayName: '柳州市政务服务中心 5号窗口',
        role: 'window',
        divisionCode: '450200',
        unitId: null,
        servicePointId: 'sp-liuzhou-center-5',
        password: STAFF_PASSWORD,
      },
      FIXED_NOW,
    )
    app = await buildTestApp(store())
    for (const name of [
      'desk.nanning',
      'desk.liuzhou',
      'window.nanning',
      'window.liuzhou',
      'station.qingxiu',
      'unit.nanning.amr',
      'office.nanning',
    ]) {
      cookies[name] = await signIn(app, name)
    }
  })
  afterAll(() => app.close())

  const intake = (who: string, body: Body) =>
    app.inject({ method: 'POST', url: '/api/staff/intake', cookies: cookies[who], payload: body })
  const count = async () => {
    const row = await store()
      .db.selectFrom('tickets')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }
  const problemOf = (body: string) => problemSchema.parse(JSON.parse(body))

  it('registers a phone report at the city desk with its receipt and a claim link', async () => {
    const body = intakeBody()
    const res = await intake('desk.nanning', body)
    expect(res.statusCode, res.body).toBe(201)
    const ticket = intakeTicketSchema.parse(res.json())
    expect(ticket).toMatchObject({
      id: body.id,
      status: 'submitted',
      channel: 'phone',
      deskDivisionCode: '450100',
      registeredBy: '南宁市专席',
      handedDown: null,
    })
    expect(ticket.code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/)
    expect(ticket.claimLink).toBe(
      `http://localhost:80/claim?number=${ticket.number}&code=${ticket.code}`,
    )
    expect(ticket.due).toMatchObject({ step: 'acceptance' })
    expect(ticket.history[0]).toMatchObject({
      type: 'submit',
      role: 'desk',
      data: { channel: 'phone' },
    })
    const queue = await app.inject({
      method: 'GET',
      url: '/api/staff/queue?channel=phone',
      cookies: cookies['desk.nanning'],
    })
    expect(queue.json<{ tickets: { id: string }[] }>().tickets.map((t) => t.id)).toContain(body.id)
    const appOnly = await app.inject({
      method: 'GET',
      url: '/api/staff/queue?channel=app',
      cookies: cookies['desk.nanning'],
    })
    expect(appOnly.json<{ tickets: { id: string }[] }>().tickets.map((t) => t.id)).not.toContain(
      body.id,
    )
  })

  it('queues the receipt by SMS to the contact phone, once, with a link to the claim screen', async () => {
    const body = intakeBody()
    const ticket = intakeTicketSchema.parse((await intake('desk.nanning', body)).json())
    await intake('desk.nanning', body)
    const rows = await store()
      .db.selectFrom('notifications')
      .select(['channel', 'recipient', 'payload', 'event'])
      .where('ticket_id', '=', body.id)
      .execute()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ channel: 'sms', recipient: PHONE, event: 'receipt' })
    const payload = JSON.parse(rows[0]?.payload ?? '{}') as { path: string; body: string }
    expect(payload.path).toBe(`/claim?number=${ticket.number}&code=${ticket.code}`)
    expect(payload.body).toContain(ticket.code)
  })

  it('answers the same id and body with the same ticket, and another body with 409', async () => {
    const body = intakeBody()
    const first = await intake('desk.nanning', body)
    expect(first.statusCode).toBe(201)
    const before = await count()
    const again = await intake('desk.nanning', body)
    expect(again.statusCode).toBe(200)
    expect(again.json<{ number: string }>().number).toBe(first.json<{ number: string }>().number)
    const changed = await intake('desk.nanning', { ...body, title: '另一件事' })
    expect(changed.statusCode).toBe(409)
    expect(problemOf(changed.body).type).toBe('urn:guishang:problem:report_conflict')
    const otherClerk = await intake('station.qingxiu', body)
    expect(otherClerk.statusCode).toBe(409)
    expect(await count()).toBe(before)
  })

  it('checks the credit code like an owner’s report', async () => {
    const bad = intakeBody({
      business: { name: '某店', creditCode: CREDIT_CODE_BAD_CHECK, kind: 'individual' },
    })
    const before = await count()
    const res = await intake('desk.nanning', bad)
    expect(res.statusCode).toBe(422)
    expect(problemOf(res.body).errors).toEqual([
      { field: 'business.creditCode', code: 'credit_code_checksum' },
    ])
    expect(await count()).toBe(before)
    const confirmed = await intake('desk.nanning', {
      ...bad,
      business: { ...bad.business, creditCodeConfirmed: true },
    })
    expect(confirmed.statusCode).toBe(201)
    expect(
      confirmed.json<{ business: { creditCodeUnverified: boolean } }>().business,
    ).toMatchObject({ creditCodeUnverified: true })
  })

  it('sends a window clerk’s report to its point’s desk, and a workstation’s to its county’s city', async () => {
    const atWindow = await intake('window.nanning', intakeBody({ channel: 'window' }))
    expect(atWindow.statusCode, atWindow.body).toBe(201)
    expect(atWindow.json()).toMatchObject({
      channel: 'window',
      deskDivisionCode: '450100',
      servicePoint: { id: 'sp-nanning-center-3' },
    })
    const atStation = await intake('station.qingxiu', intakeBody({ channel: 'phone' }))
    expect(atStation.statusCode).toBe(201)
    expect(atStation.json()).toMatchObject({ channel: 'phone', deskDivisionCode: '450100' })
  })

  it('refuses a workstation registering for another county, changing nothing', async () => {
    const before = await count()
    const res = await intake('station.qingxiu', intakeBody({ divisionCode: '450204' }))
    expect(res.statusCode).toBe(403)
    expect(problemOf(res.body).type).toBe('urn:guishang:problem:outside_division')
    expect(await count()).toBe(before)
  })

  it('refuses a channel the account may not register, and a hand-down without its source', async () => {
    const before = await count()
    const windowByDesk = await intake('desk.nanning', intakeBody({ channel: 'window' }))
    expect(windowByDesk.statusCode).toBe(422)
    expect(problemOf(windowByDesk.body).errors).toEqual([
      { field: 'channel', code: 'channel_not_allowed' },
    ])
    const phoneByWindow = await intake('window.nanning', intakeBody({ channel: 'phone' }))
    expect(phoneByWindow.statusCode).toBe(422)
    const noSource = await intake('desk.nanning', intakeBody({ channel: 'handed_down' }))
    expect(noSource.statusCode).toBe(422)
    expect(await count()).toBe(before)
    const handedDown = await intake(
      'desk.nanning',
      intakeBody({
        channel: 'handed_down',
        handedDown: { issuer: '自治区人民政府办公厅', documentNumber: '桂政办交〔2026〕12号' },
      }),
    )
    expect(handedDown.statusCode).toBe(201)
    expect(handedDown.json()).toMatchObject({
      channel: 'handed_down',
      handedDown: { issuer: '自治区人民政府办公厅', documentNumber: '桂政办交〔2026〕12号' },
    })
  })

  it('lets only desks, window clerks and workstations register', async () => {
    for (const who of ['unit.nanning.amr', 'office.nanning']) {
      const res = await intake(who, intakeBody())
      expect(res.statusCode).toBe(403)
    }
    const anonymous = await app.inject({
      method: 'POST',
      url: '/api/staff/intake',
      payload: intakeBody(),
    })
    expect(anonymous.statusCode).toBe(401)
  })

  it('shows a window clerk what it registered and nothing else', async () => {
    const mine = await intake('window.nanning', intakeBody({ channel: 'window' }))
    const theirs = await intake(
      'window.liuzhou',
      intakeBody({ channel: 'window', divisionCode: '450202' }),
    )
    expect(theirs.statusCode, theirs.body).toBe(201)
    const theirId = theirs.json<{ id: string }>().id
    const read = await app.inject({
      method: 'GET',
      url: `/api/staff/tickets/${theirId}`,
      cookies: cookies['window.nanning'],
    })
    expect(read.statusCode).toBe(404)
    const audits = await store()
      .db.selectFrom('audit_log')
      .selectAll()
      .where('ticket_id', '=', theirId)
      .where('action', '=', 'read_ticket')
      .execute()
    expect(audits).toEqual([])
    const own = await app.inject({
      method: 'GET',
      url: `/api/staff/tickets/${mine.json<{ id: string }>().id}`,
      cookies: cookies['window.nanning'],
    })
    expect(own.statusCode).toBe(200)
    expect(own.json<{ allowedEvents: string[] }>().allowedEvents).toEqual([])
    const queue = await app.inject({
      method: 'GET',
      url: '/api/staff/queue',
      cookies: cookies['window.nanning'],
    })
    const ids = queue.json<{ tickets: { id: string; channel: string }[] }>().tickets
    expect(ids.every((t) => t.channel === 'window')).toBe(true)
    expect(ids.map((t) => t.id)).not.toContain(theirId)
    const accept = await app.inject({
      method: 'POST',
      url: `/api/staff/tickets/${mine.json<{ id: string }>().id}/events`,
      cookies: cookies['window.nanning'],
      payload: { type: 'accept' },
    })
    expect(accept.statusCode).toBe(403)
  })

  it('shows a business’s earlier tickets beside the form, without confidential ones', async () => {
    const code = '91450100MA5K00001E'
    const res0 = await app.inject({
      method: 'GET',
      url: `/api/staff/businesses/${code}`,
      cookies: cookies['window.nanning'],
    })
    expect(businessHistorySchema.parse(res0.json())).toMatchObject({ name: null, tickets: [] })
    const business = { name: '南宁某科技有限公司', creditCode: code, kind: 'enterprise' as const }
    await intake('desk.nanning', intakeBody({ business }))
    await intake('desk.nanning', intakeBody({ business, confidential: true, title: '保密' }))
    const res = await app.inject({
      method: 'GET',
      url: `/api/staff/businesses/${code}`,
      cookies: cookies['window.nanning'],
    })
    const history = businessHistorySchema.parse(res.json())
    expect(history.name).toBe('南宁某科技有限公司')
    expect(history.tickets.map((t) => t.title)).toEqual(['申请稳岗补贴不知道找谁'])
    expect(history.tickets[0]).not.toHaveProperty('contact')
  })
})
