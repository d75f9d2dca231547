import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { staffTicketSchema } from '../contract.js'
import { databases, useStore } from '../test/databases.js'
import { reportTicket, seedStaff, signIn } from '../test/staff-fixtures.js'
import { buildTestApp } from '../test/test-app.js'

describe.each(databases)('transfers between desks on $name', (database) => {
  const store = useStore(database)
  let app: FastifyInstance
  const cookies: Record<string, Record<string, string>> = {}

  beforeAll(async () => {
    await seedStaff(store())
    app = await buildTestApp(store())
    for (const name of ['desk.nanning', 'desk.liuzhou', 'desk.region']) {
      cookies[name] = await signIn(app, name)
    }
  })
  afterAll(() => app.close())

  const send = (who: string, id: string, payload: object) =>
    app.inject({
      method: 'POST',
      url: `/api/staff/tickets/${id}/events`,
      cookies: cookies[who],
      payload,
    })
  const queueOf = async (who: string) =>
    (await app.inject({ method: 'GET', url: '/api/staff/queue', cookies: cookies[who] }))
      .json<{ tickets: { id: string }[] }>()
      .tickets.map((t) => t.id)
  const deskOf = async (id: string) =>
    await store()
      .db.selectFrom('tickets')
      .select(['desk_division_code', 'due_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()

  it('moves a ticket from the region desk to the Liuzhou desk, which sees and accepts it', async () => {
    const ticket = await reportTicket(store().db, {
      deskDivisionCode: '450000',
      divisionCode: '450202',
    })
    const res = await send('desk.region', ticket.id, {
      type: 'transfer',
      toDeskDivisionCode: '450200',
      note: '属柳州市辖区事项',
    })
    expect(res.statusCode, res.body).toBe(200)
    const after = await deskOf(ticket.id)
    expect(after).toEqual({ desk_division_code: '450200', due_at: ticket.due_at })
    expect(await queueOf('desk.liuzhou')).toContain(ticket.id)
    expect(await queueOf('desk.region')).not.toContain(ticket.id)
    expect(await queueOf('desk.nanning')).not.toContain(ticket.id)
    const read = await app.inject({
      method: 'GET',
      url: `/api/staff/tickets/${ticket.id}`,
      cookies: cookies['desk.liuzhou'],
    })
    const history = staffTicketSchema.parse(read.json()).history
    expect(history.at(-1)).toMatchObject({
      type: 'transfer',
      internalNote: '属柳州市辖区事项',
      data: { fromDesk: '450000', toDesk: '450200' },
    })
    expect((await send('desk.liuzhou', ticket.id, { type: 'accept' })).statusCode).toBe(200)
  })

  it('moves a ticket between two city desks (wrong jurisdiction), never to the same desk', async () => {
    const ticket = await reportTicket(store().db)
    const same = await send('desk.nanning', ticket.id, {
      type: 'transfer',
      toDeskDivisionCode: '450100',
      note: '测试',
    })
    expect(same.statusCode).toBe(409)
    const moved = await send('desk.nanning', ticket.id, {
      type: 'transfer',
      toDeskDivisionCode: '450200',
      note: '经营地在柳州',
    })
    expect(moved.statusCode).toBe(200)
    expect((await deskOf(ticket.id)).desk_division_code).toBe('450200')
    expect(await queueOf('desk.nanning')).not.toContain(ticket.id)
    const gone = await send('desk.nanning', ticket.id, { type: 'accept' })
    expect(gone.statusCode).toBe(404)
  })

  it('sends a city desk’s ticket to the region desk by default, and needs a reason', async () => {
    const ticket = await reportTicket(store().db)
    const bare = await send('desk.nanning', ticket.id, { type: 'transfer' })
    expect(bare.statusCode).toBe(422)
    expect((await deskOf(ticket.id)).desk_division_code).toBe('450100')
    const res = await send('desk.nanning', ticket.id, { type: 'transfer', note: '跨市事项' })
    expect(res.statusCode).toBe(200)
    expect((await deskOf(ticket.id)).desk_division_code).toBe('450000')
    const noTarget = await send('desk.region', ticket.id, { type: 'transfer', note: '退回' })
    expect(noTarget.statusCode).toBe(409)
    const county = await send('desk.region', ticket.id, {
      type: 'transfer',
      toDeskDivisionCode: '450103',
      note: '青秀区',
    })
    expect(county.statusCode).toBe(422)
    expect((await deskOf(ticket.id)).desk_division_code).toBe('450000')
  })
})
