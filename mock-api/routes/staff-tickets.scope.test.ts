import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { staffTicketSchema } from '../contract.js'
import type { TicketRow } from '../storage/tickets.js'
import { databases, useStore } from '../test/databases.js'
import { advance, reportTicket, seedStaff, signIn, staffActor } from '../test/staff-fixtures.js'
import { buildTestApp } from '../test/test-app.js'

const idRoutes = (id: string) => [
  { method: 'GET' as const, url: `/api/staff/tickets/${id}` },
  { method: 'GET' as const, url: `/api/staff/tickets/${id}/suggested-units` },
  { method: 'POST' as const, url: `/api/staff/tickets/${id}/events`, payload: { type: 'sign' } },
]

describe.each(databases)('who may see a ticket, on $name', (database) => {
  const store = useStore(database)
  let app: FastifyInstance
  let submitted: TicketRow
  let dispatched: TicketRow
  let confidential: TicketRow
  const cookies: Record<string, Record<string, string>> = {}

  beforeAll(async () => {
    const { db } = store()
    await seedStaff(store())
    submitted = await reportTicket(db)
    dispatched = await reportTicket(db)
    await advance(db, dispatched.id, [
      [{ type: 'accept' }, 'desk.nanning'],
      [{ type: 'dispatch', leadUnitId: 'nanning-amr' }, 'desk.nanning'],
    ])
    confidential = await reportTicket(db, { confidential: true })
    await advance(db, confidential.id, [
      [{ type: 'accept' }, 'desk.nanning'],
      [{ type: 'dispatch', leadUnitId: 'nanning-amr', coUnitIds: ['nanning-tax'] }, 'desk.nanning'],
    ])
    app = await buildTestApp(store())
    for (const username of [
      'desk.nanning',
      'desk.liuzhou',
      'desk.region',
      'unit.nanning.amr',
      'unit.nanning.tax',
      'unit.liuzhou.amr',
      'office.nanning',
      'office.region',
      'office.liuzhou',
      'admin',
    ]) {
      cookies[username] = await signIn(app, username)
    }
  })
  afterAll(async () => app.close())

  const auditCount = async (username: string) => {
    const { id } = await staffActor(store().db, username)
    const rows = await store()
      .db.selectFrom('audit_log')
      .select('id')
      .where('staff_id', '=', id ?? '')
      .execute()
    return rows.length
  }

  it.each([
    ['the Liuzhou desk', 'desk.liuzhou'],
    ['the region desk', 'desk.region'],
    ['a Nanning unit the ticket is not dispatched to', 'unit.nanning.tax'],
    ['a unit of another city', 'unit.liuzhou.amr'],
    ['the Liuzhou office', 'office.liuzhou'],
  ])('answers %s as if the ticket did not exist', async (_, username) => {
    const missing = randomUUID()
    for (const ticket of [submitted, dispatched]) {
      const before = await store()
        .db.selectFrom('tickets')
        .selectAll()
        .where('id', '=', ticket.id)
        .executeTakeFirstOrThrow()
      for (const [index, route] of idRoutes(ticket.id).entries()) {
        const res = await app.inject({ ...route, cookies: cookies[username] })
        const absent = await app.inject({
          ...idRoutes(missing)[index]!,
          cookies: cookies[username],
        })
        expect(res.statusCode, `${route.method} ${route.url}`).toBe(404)
        expect(res.json()).toEqual(absent.json())
      }
      const after = await store()
        .db.selectFrom('tickets')
        .selectAll()
        .where('id', '=', ticket.id)
        .executeTakeFirstOrThrow()
      expect(after).toEqual(before)
    }
    expect(await auditCount(username)).toBe(0)
  })

  it('lets the desk, its office, the region office and the assigned unit read it', async () => {
    const readers = ['desk.nanning', 'office.nanning', 'office.region', 'unit.nanning.amr']
    for (const username of readers) {
      const res = await app.inject({
        url: `/api/staff/tickets/${dispatched.id}`,
        cookies: cookies[username],
      })
      expect(res.statusCode, username).toBe(200)
      expect(staffTicketSchema.parse(res.json()).id).toBe(dispatched.id)
    }
  })

  it('keeps the admin away from tickets', async () => {
    for (const route of idRoutes(submitted.id)) {
      const res = await app.inject({ ...route, cookies: cookies.admin })
      expect(res.statusCode).toBe(403)
    }
  })

  it('refuses an owner credential on every staff ticket route', async () => {
    const headers = { authorization: 'Bearer some-owner-credential' }
    for (const route of [
      ...idRoutes(submitted.id),
      { method: 'GET' as const, url: '/api/staff/queue' },
    ]) {
      expect((await app.inject({ ...route, headers })).statusCode).toBe(401)
    }
  })

  it('audits every read of a ticket, naming the reader and the ticket', async () => {
    const before = await auditCount('office.nanning')
    for (let i = 0; i < 2; i++) {
      await app.inject({
        url: `/api/staff/tickets/${submitted.id}`,
        cookies: cookies['office.nanning'],
      })
    }
    expect(await auditCount('office.nanning')).toBe(before + 2)
    const { id } = await staffActor(store().db, 'office.nanning')
    const last = await store()
      .db.selectFrom('audit_log')
      .selectAll()
      .where('staff_id', '=', id ?? '')
      .where('ticket_id', '=', submitted.id)
      .execute()
    expect(last).toHaveLength(2)
    expect(last[0]).toMatchObject({ action: 'read_ticket', detail: '{"identityHidden":false}' })
  })

  it("hides a confidential owner's identity from units, not from the desk", async () => {
    for (const unit of ['unit.nanning.amr', 'unit.nanning.tax']) {
      const res = await app.inject({
        url: `/api/staff/tickets/${confidential.id}`,
        cookies: cookies[unit],
      })
      expect(res.statusCode).toBe(200)
      expect(res.json()).toMatchObject({
        identityHidden: true,
        contact: { name: null, phone: null },
        business: { name: null, creditCode: null, kind: 'individual' },
      })
      for (const secret of ['张三', '13800001234', '青秀小店', '91450100MA5K000000']) {
        expect(res.body).not.toContain(secret)
      }
    }
    const desk = await app.inject({
      url: `/api/staff/tickets/${confidential.id}`,
      cookies: cookies['desk.nanning'],
    })
    expect(desk.json()).toMatchObject({
      identityHidden: false,
      contact: { name: '张三', phone: '13800001234' },
      business: { name: '青秀小店', creditCode: '91450100MA5K000000' },
    })
    const { id } = await staffActor(store().db, 'unit.nanning.amr')
    const audit = await store()
      .db.selectFrom('audit_log')
      .select('detail')
      .where('staff_id', '=', id ?? '')
      .where('ticket_id', '=', confidential.id)
      .executeTakeFirstOrThrow()
    expect(audit.detail).toBe('{"identityHidden":true}')
  })

  it('shows a unit its open ticket with units, internal notes and what it may do', async () => {
    const res = await app.inject({
      url: `/api/staff/tickets/${confidential.id}`,
      cookies: cookies['unit.nanning.amr'],
    })
    const ticket = staffTicketSchema.parse(res.json())
    expect(ticket.units).toEqual([
      { unitId: 'nanning-amr', name: '南宁市市场监督管理局', role: 'lead' },
      { unitId: 'nanning-tax', name: '国家税务总局南宁市税务局', role: 'co' },
    ])
    expect(ticket.history.map((h) => [h.type, h.role, h.actorName])).toEqual([
      ['submit', 'owner', null],
      ['accept', 'desk', '南宁市专席'],
      ['dispatch', 'desk', '南宁市专席'],
    ])
    expect(ticket.allowedEvents.sort()).toEqual(['return', 'sign'])
    const coUnit = await app.inject({
      url: `/api/staff/tickets/${confidential.id}`,
      cookies: cookies['unit.nanning.tax'],
    })
    expect(staffTicketSchema.parse(coUnit.json()).allowedEvents).toEqual([])
  })
})
