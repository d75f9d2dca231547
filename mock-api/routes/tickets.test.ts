import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { receiptSchema, ticketListSchema, ticketSchema } from '../contract.js'
import { databases, useStore } from '../test/databases.js'
import type { Device, OwnerTestApp } from '../test/owner-fixtures.js'
import { PHONE, buildOwnerApp, newDevice, reportTicket } from '../test/owner-fixtures.js'
import { FIXED_NOW } from '../test/test-app.js'
import { LEAD_UNIT, WF_ACTORS, apply, insertUnits } from '../test/workflow-fixtures.js'

describe.each(databases)('reading tickets on $name', (database) => {
  const store = useStore(database)
  let t: OwnerTestApp
  let owner: Device
  let stranger: Device
  beforeAll(async () => {
    t = await buildOwnerApp(store())
    await insertUnits(store().db)
    owner = await newDevice(t.app)
    stranger = await newDevice(t.app)
  })
  afterAll(() => t.app.close())

  const get = (url: string, device?: Device) =>
    t.app.inject({ method: 'GET', url, ...(device ? { headers: device.headers } : {}) })

  it('lists only my tickets, newest first, with status, due, receipt and rating', async () => {
    t.clock.set(FIXED_NOW)
    const older = await reportTicket(t.app, owner, { title: '第一个' })
    t.clock.set(new Date(FIXED_NOW.getTime() + 60_000))
    const newer = await reportTicket(t.app, owner, { title: '第二个' })
    await reportTicket(t.app, stranger)
    const list = ticketListSchema.parse((await get('/api/tickets', owner)).json())
    expect(list.tickets.map((item) => item.id)).toEqual([newer.id, older.id])
    expect(list.tickets[0]).toMatchObject({
      number: newer.number,
      code: newer.code,
      status: 'submitted',
      rating: null,
      due: { step: 'acceptance', overdue: false },
    })
  })

  it('shows my ticket in full, and answers 404 to another owner exactly as for a missing one', async () => {
    const mine = await reportTicket(t.app, owner)
    const res = await get(`/api/tickets/${mine.id}`, owner)
    expect(res.statusCode).toBe(200)
    const ticket = ticketSchema.parse(res.json())
    expect(ticket.contact).toEqual({ name: '张小明', phone: PHONE })
    expect(ticket.actions).toEqual({ withdraw: true, urge: false, rate: false, addMaterial: true })
    expect(ticket.urgeAvailableAt).toBe('2026-02-15T00:00:00+08:00')

    const theirs = await get(`/api/tickets/${mine.id}`, stranger)
    const missing = await get('/api/tickets/00000000-0000-4000-8000-000000000000', stranger)
    expect(theirs.statusCode).toBe(404)
    expect(theirs.body).toBe(missing.body)
    expect((await get('/api/tickets/not-a-uuid', owner)).statusCode).toBe(404)
  })

  it('never shows the owner internal notes or staff ids, and shows the reply once approved', async () => {
    const { id } = await reportTicket(t.app, owner)
    const { db } = store()
    const { desk, lead } = WF_ACTORS
    await apply(db, id, { type: 'accept' }, desk)
    await apply(db, id, { type: 'dispatch', leadUnitId: LEAD_UNIT }, desk)
    await apply(db, id, { type: 'sign' }, lead)
    await apply(db, id, { type: 'contact', channel: 'phone', summary: '内部：老板很着急' }, lead)
    await apply(db, id, { type: 'reply', reply: '已为您办理变更登记。' }, lead)
    const underReview = (await get(`/api/tickets/${id}`, owner)).body
    expect(underReview).not.toContain('内部：老板很着急')
    expect(underReview).not.toContain('staff-desk')
    expect(JSON.parse(underReview).reply).toBeNull()
    expect(underReview).not.toContain('已为您办理变更登记。')

    await apply(db, id, { type: 'approve_reply' }, desk)
    const replied = ticketSchema.parse((await get(`/api/tickets/${id}`, owner)).json())
    expect(replied.reply).toBe('已为您办理变更登记。')
    expect(replied.history.map((entry) => entry.type)).toEqual([
      'submit',
      'accept',
      'dispatch',
      'sign',
      'contact',
      'reply',
      'approve_reply',
    ])
    expect(replied.actions).toMatchObject({ rate: true, withdraw: false })
    // Issue 17: the timeline names the unit the ticket went to ("分派至 …"), by its name.
    expect(replied.history.find((entry) => entry.type === 'dispatch')?.unit).toBe(LEAD_UNIT)
    expect(replied.history.find((entry) => entry.type === 'accept')?.unit).toBeUndefined()
    const { number, code } = replied
    const receipt = receiptSchema.parse((await get(`/api/receipts/${number}?code=${code}`)).json())
    expect(receipt.history.find((entry) => entry.type === 'dispatch')?.unit).toBe(LEAD_UNIT)
  })

  it('shows the receipt to anyone with number and code, without who reported', async () => {
    const { number, code } = await reportTicket(t.app, owner)
    const res = await get(`/api/receipts/${number}?code=${code.toLowerCase()}`)
    expect(res.statusCode).toBe(200)
    const receipt = receiptSchema.strict().parse(res.json())
    expect(receipt).toMatchObject({ number, status: 'submitted' })
    for (const secret of [PHONE, '张小明', '青秀区小明便利店', '91450100MA5K00000B', code]) {
      expect(res.body).not.toContain(secret)
    }
    const wrongCode = await get(`/api/receipts/${number}?code=AAAAAA`)
    const wrongNumber = await get(`/api/receipts/GX9901010001?code=${code}`)
    expect(wrongCode.statusCode).toBe(404)
    expect(wrongCode.body).toBe(wrongNumber.body)
  })

  it('stops answering a number after 10 wrong codes in an hour', async () => {
    const { number, code } = await reportTicket(t.app, owner)
    const statuses = []
    for (let i = 0; i < 11; i++)
      statuses.push((await get(`/api/receipts/${number}?code=ZZZZZ${i}`)).statusCode)
    expect(statuses).toEqual([...Array<number>(10).fill(404), 429])
    const right = await get(`/api/receipts/${number}?code=${code}`)
    expect(right.statusCode).toBe(429)
    expect(right.headers['retry-after']).toBeDefined()
  })
})

describe.each(databases)('receipts with RATE_LIMITS=off on $name', (database) => {
  const store = useStore(database)
  it('never limits wrong codes', async () => {
    const t = await buildOwnerApp(store(), { RATE_LIMITS: 'off' })
    const { number, code } = await reportTicket(t.app, await newDevice(t.app))
    for (let i = 0; i < 12; i++)
      await t.app.inject({ method: 'GET', url: `/api/receipts/${number}?code=x${i}` })
    const res = await t.app.inject({ method: 'GET', url: `/api/receipts/${number}?code=${code}` })
    expect(res.statusCode).toBe(200)
    expect(await store().db.selectFrom('rate_limits').selectAll().execute()).toEqual([])
    await t.app.close()
  })
})
