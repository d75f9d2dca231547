import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ticketSchema } from '../contract.js'
import { databases, useStore } from '../test/databases.js'
import type { Device, OwnerTestApp } from '../test/owner-fixtures.js'
import { buildOwnerApp, newDevice, reportTicket } from '../test/owner-fixtures.js'
import { FIXED_NOW } from '../test/test-app.js'
import { LEAD_UNIT, WF_ACTORS, apply, countRows, insertUnits } from '../test/workflow-fixtures.js'

// Reported Friday 13 Feb 2026; Sat 14 Feb is a make-up working day, so acceptance is due at its 24:00.
const ACCEPTANCE_DUE = new Date('2026-02-14T16:00:00.000Z')

describe.each(databases)("the owner's actions on $name", (database) => {
  const store = useStore(database)
  let t: OwnerTestApp
  let owner: Device
  beforeAll(async () => {
    t = await buildOwnerApp(store())
    await insertUnits(store().db)
    owner = await newDevice(t.app)
  })
  afterAll(() => t.app.close())

  const act = (ticketId: string, action: string, body: object, device: Device = owner) =>
    t.app.inject({
      method: 'POST',
      url: `/api/tickets/${ticketId}/${action}`,
      headers: device.headers,
      payload: body,
    })
  const fresh = async () => {
    t.clock.set(FIXED_NOW)
    return (await reportTicket(t.app, owner)).id
  }
  const replied = async () => {
    const id = await fresh()
    const { db } = store()
    const { desk, lead } = WF_ACTORS
    await apply(db, id, { type: 'accept' }, desk)
    await apply(db, id, { type: 'dispatch', leadUnitId: LEAD_UNIT }, desk)
    await apply(db, id, { type: 'sign' }, lead)
    await apply(db, id, { type: 'contact', channel: 'phone', summary: '已联系。' }, lead)
    await apply(db, id, { type: 'reply', reply: '已办理。' }, lead)
    await apply(db, id, { type: 'approve_reply' }, desk)
    return id
  }

  it('withdraws before acceptance, and refuses once a desk accepted', async () => {
    const id = await fresh()
    const res = await act(id, 'withdraw', { id: randomUUID(), reason: '自己解决了' })
    expect(res.statusCode).toBe(200)
    expect(ticketSchema.parse(res.json())).toMatchObject({ status: 'withdrawn', due: null })

    const accepted = await fresh()
    await apply(store().db, accepted, { type: 'accept' }, WF_ACTORS.desk)
    const late = await act(accepted, 'withdraw', { id: randomUUID() })
    expect(late.statusCode).toBe(409)
    expect(late.json().type).toBe('urn:guishang:problem:wrong_state')
    expect(await countRows(store().db, 'ticket_history', accepted)).toBe(2)
  })

  it('answers a repeated action with the first response and acts only once', async () => {
    const id = await fresh()
    const body = { id: randomUUID(), text: '补充：办事窗口电话打不通。' }
    const first = await act(id, 'materials', body)
    expect(first.statusCode).toBe(200)
    const again = await act(id, 'materials', body)
    expect(again.statusCode).toBe(200)
    expect(again.json()).toEqual(first.json())
    expect(await countRows(store().db, 'ticket_history', id)).toBe(2)
    const changed = await act(id, 'materials', { ...body, text: '别的内容' })
    expect(changed.statusCode).toBe(409)
    expect(changed.json().type).toBe('urn:guishang:problem:idempotency_conflict')
    expect(ticketSchema.parse(first.json()).history.at(-1)).toMatchObject({
      type: 'add_material',
      note: body.text,
    })
  })

  it('replays each action, and a concurrent duplicate acts once', async () => {
    const id = await replied()
    const rating = { id: randomUUID(), resolved: 'yes', satisfaction: 'satisfied' }
    const answers = await Promise.all([act(id, 'rating', rating), act(id, 'rating', rating)])
    expect(answers.map((res) => res.statusCode)).toEqual([200, 200])
    expect(answers[1]?.json()).toEqual(answers[0]?.json())
    expect(await countRows(store().db, 'ratings', id)).toBe(1)

    const withdrawn = await fresh()
    const withdraw = { id: randomUUID() }
    await act(withdrawn, 'withdraw', withdraw)
    expect((await act(withdrawn, 'withdraw', withdraw)).statusCode).toBe(200)
    expect(await countRows(store().db, 'ticket_history', withdrawn)).toBe(2)
  })

  it('requires a reason for a dissatisfied rating, then starts the review', async () => {
    const id = await replied()
    const noReason = await act(id, 'rating', {
      id: randomUUID(),
      resolved: 'no',
      satisfaction: 'dissatisfied',
    })
    expect(noReason.statusCode).toBe(422)
    expect(noReason.json().errors).toEqual([{ field: 'reason', code: 'reason_required' }])
    const res = await act(id, 'rating', {
      id: randomUUID(),
      resolved: 'no',
      satisfaction: 'dissatisfied',
      reason: '问题没有解决',
    })
    expect(ticketSchema.parse(res.json())).toMatchObject({
      status: 'dissatisfaction_review',
      due: { step: 'review' },
      rating: { resolved: 'no', satisfaction: 'dissatisfied', reason: '问题没有解决' },
    })
  })

  it('closes the ticket on a satisfied rating', async () => {
    const id = await replied()
    const res = await act(id, 'rating', {
      id: randomUUID(),
      resolved: 'partly',
      satisfaction: 'basic',
    })
    expect(res.json()).toMatchObject({
      status: 'closed',
      rating: { satisfaction: 'basic' },
      due: null,
    })
  })

  it('refuses an urge before the step is overdue, saying when it will be possible', async () => {
    const id = await fresh()
    const early = await act(id, 'urge', { id: randomUUID() })
    expect(early.statusCode).toBe(409)
    expect(early.json()).toMatchObject({
      type: 'urn:guishang:problem:not_overdue',
      availableAt: '2026-02-15T00:00:00+08:00',
    })

    t.clock.set(ACCEPTANCE_DUE)
    const urged = await act(id, 'urge', { id: randomUUID(), note: '请尽快受理' })
    expect(urged.statusCode).toBe(200)
    expect(ticketSchema.parse(urged.json()).history.at(-1)).toMatchObject({
      type: 'urge',
      note: '请尽快受理',
    })

    t.clock.set(new Date(ACCEPTANCE_DUE.getTime() + 3_600_000))
    const twice = await act(id, 'urge', { id: randomUUID() })
    expect(twice.statusCode).toBe(409)
    // Sun 15 Feb opens the Spring Festival holiday; Tue 24 Feb is the next working day.
    expect(twice.json()).toMatchObject({
      type: 'urn:guishang:problem:already_urged_today',
      availableAt: '2026-02-24T00:00:00+08:00',
    })
    const row = await store()
      .db.selectFrom('tickets')
      .select('is_supervised')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row.is_supervised).toBe(1)
  })

  it("answers 404 for another owner's ticket and stores nothing", async () => {
    const id = await fresh()
    const stranger = await newDevice(t.app)
    const res = await act(id, 'withdraw', { id: randomUUID() }, stranger)
    expect(res.statusCode).toBe(404)
    expect(await countRows(store().db, 'ticket_history', id)).toBe(1)
    const records = await store()
      .db.selectFrom('idempotency_records')
      .selectAll()
      .where('scope', 'like', `ticket:${id}:%`)
      .execute()
    expect(records).toEqual([])
  })
})
