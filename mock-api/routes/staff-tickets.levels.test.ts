// DOMAIN.md wave 2 through the staff route, on both stores: the dispatch clock (分办), each office
// at its own level (本级), contact before reply, and termination tied to the business's record.
// Every refusal is checked to change nothing.
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StaffEvent } from '../contract.js'
import { staffQueueSchema, staffTicketSchema } from '../contract.js'
import { databases, useStore } from '../test/databases.js'
import { DISPATCH_STEPS, advance, reportTicket, seedStaff, signIn } from '../test/staff-fixtures.js'
import type { TicketSpec } from '../test/staff-fixtures.js'
import { FIXED_NOW, buildTestApp, testClock } from '../test/test-app.js'
import type { TestClock } from '../test/test-app.js'

const USERS = [
  'desk.nanning',
  'desk.region',
  'unit.nanning.amr',
  'office.nanning',
  'office.liuzhou',
  'office.region',
] as const
type User = (typeof USERS)[number]
const CONTACT = { type: 'contact', channel: 'phone', summary: '已电话联系。' } as const
const SIGNED = [...DISPATCH_STEPS, [{ type: 'sign' }, 'unit.nanning.amr']] as const

describe.each(databases)('the wave-2 rules through the staff route on $name', (database) => {
  const store = useStore(database)
  let app: FastifyInstance
  let clock: TestClock
  const cookies: Partial<Record<User, Record<string, string>>> = {}

  beforeAll(async () => {
    await seedStaff(store())
    clock = testClock()
    app = await buildTestApp(store(), { clock })
    for (const username of USERS) cookies[username] = await signIn(app, username)
  })
  afterAll(() => app.close())

  const send = (ticketId: string, username: User, event: StaffEvent | object) =>
    app.inject({
      method: 'POST',
      url: `/api/staff/tickets/${ticketId}/events`,
      cookies: cookies[username],
      payload: event,
    })
  const view = async (ticketId: string, username: User) => {
    const res = await app.inject({
      url: `/api/staff/tickets/${ticketId}`,
      cookies: cookies[username],
    })
    expect(res.statusCode, res.body).toBe(200)
    return staffTicketSchema.parse(res.json())
  }
  const rowOf = (ticketId: string) =>
    store().db.selectFrom('tickets').selectAll().where('id', '=', ticketId).executeTakeFirst()
  const historyCount = async (ticketId: string) =>
    (
      await store()
        .db.selectFrom('ticket_history')
        .select('seq')
        .where('ticket_id', '=', ticketId)
        .execute()
    ).length
  /** A refused event: the expected problem, and the row and history exactly as before. */
  const expectRefused = async (
    ticketId: string,
    username: User,
    event: object,
    status: number,
    code: string,
  ) => {
    const before = { row: await rowOf(ticketId), history: await historyCount(ticketId) }
    const res = await send(ticketId, username, event)
    expect(res.statusCode, res.body).toBe(status)
    expect(res.json<{ type: string }>().type).toBe(`urn:guishang:problem:${code}`)
    expect({ row: await rowOf(ticketId), history: await historyCount(ticketId) }).toEqual(before)
  }
  const ticket = (spec: TicketSpec = {}) => {
    clock.set(FIXED_NOW)
    return reportTicket(store().db, spec)
  }

  describe('the dispatch clock (分办)', () => {
    it('starts at acceptance and again at a return, and the office sees it red once late', async () => {
      const { id } = await ticket()
      expect((await send(id, 'desk.nanning', { type: 'accept' })).statusCode).toBe(200)
      // Friday 13 Feb 2026: 1 working day, and Saturday 14 Feb is a make-up working day.
      expect((await view(id, 'desk.nanning')).due).toMatchObject({
        step: 'dispatch',
        lastDay: '2026-02-14',
        nearDue: true,
        overdue: false,
      })
      // After the Spring Festival the step is late; the office board lists it (a fresh session).
      clock.set(new Date('2026-02-24T02:00:00Z'))
      const office = await signIn(app, 'office.nanning')
      const board = await app.inject({ url: '/api/staff/queue', cookies: office })
      const item = staffQueueSchema.parse(board.json()).tickets.find((t) => t.id === id)
      expect(item?.due).toMatchObject({ step: 'dispatch', overdue: true })

      clock.set(FIXED_NOW)
      await advance(store().db, id, [DISPATCH_STEPS[1]])
      const returned = await send(id, 'unit.nanning.amr', { type: 'return', reason: '不属本单位' })
      expect(returned.statusCode, returned.body).toBe(200)
      expect(staffTicketSchema.parse(returned.json())).toMatchObject({
        status: 'accepted',
        due: { step: 'dispatch', lastDay: '2026-02-14' },
      })
    })
  })

  describe('each office at its own level (本级)', () => {
    const pending = async (spec: TicketSpec = {}) => {
      const row = await ticket(spec)
      const desk = spec.deskDivisionCode === '450000' ? 'desk.region' : 'desk.nanning'
      await advance(store().db, row.id, [
        [{ type: 'accept' }, desk],
        [{ type: 'dispatch', leadUnitId: 'nanning-amr' }, desk],
        [{ type: 'sign' }, 'unit.nanning.amr'],
        [
          { type: 'request_extension', reason: '需现场核查', until: '2026-03-12' },
          'unit.nanning.amr',
        ],
      ])
      return row.id
    }
    const approve = { type: 'approve_extension' }

    it('gives a city desk’s extension to its city office only', async () => {
      const id = await pending()
      await expectRefused(id, 'office.region', approve, 403, 'not_own_level')
      expect((await view(id, 'office.region')).allowedEvents).toEqual(['supervise'])
      expect((await view(id, 'office.nanning')).allowedEvents).toContain('approve_extension')
      const res = await send(id, 'office.nanning', approve)
      expect(res.statusCode, res.body).toBe(200)
    })

    it('gives a region-desk ticket to the region office, though a city office sees it', async () => {
      const id = await pending({ deskDivisionCode: '450000' })
      await expectRefused(id, 'office.nanning', approve, 403, 'not_own_level')
      const note = { type: 'supervise', note: '请加快' }
      await expectRefused(id, 'office.nanning', note, 403, 'not_own_level')
      expect((await send(id, 'office.region', approve)).statusCode).toBe(200)
    })

    it('lets the region office supervise any ticket; another city office sees none of it', async () => {
      const id = await pending()
      const res = await send(id, 'office.region', { type: 'supervise', note: '自治区督办' })
      expect(res.statusCode, res.body).toBe(200)
      expect(staffTicketSchema.parse(res.json()).isSupervised).toBe(true)
      expect((await send(id, 'office.liuzhou', approve)).statusCode).toBe(404)
    })
  })

  describe('contact before reply', () => {
    const reply = { type: 'reply', reply: '已为您办理。' }

    it('refuses a reply until a contact or an unreachable attempt is logged', async () => {
      const { id } = await ticket()
      await advance(store().db, id, SIGNED)
      await expectRefused(id, 'unit.nanning.amr', reply, 409, 'no_contact')
      expect((await view(id, 'unit.nanning.amr')).firstContactAt).toBeNull()

      clock.set(new Date('2026-02-13T08:00:00Z'))
      const attempt = {
        ...CONTACT,
        summary: '电话无人接听',
        reached: false,
        at: '2026-02-13T15:30:00+08:00',
      }
      const res = await send(id, 'unit.nanning.amr', attempt)
      expect(res.statusCode, res.body).toBe(200)
      const logged = staffTicketSchema.parse(res.json())
      expect(logged.firstContactAt).toBe('2026-02-13T15:30:00+08:00')
      expect(logged.history.at(-1)?.data).toMatchObject({ reached: false, channel: 'phone' })
      expect(logged.allowedEvents).toContain('reply')
      expect((await send(id, 'unit.nanning.amr', reply)).statusCode).toBe(200)
    })

    it('refuses an attempt without its time, or dated in the future or before dispatch', async () => {
      const { id } = await ticket()
      await advance(store().db, id, SIGNED)
      const noTime = { ...CONTACT, reached: false }
      await expectRefused(id, 'unit.nanning.amr', noTime, 422, 'missing_field')
      const future = { ...CONTACT, at: '2026-02-14T10:00:00+08:00' }
      await expectRefused(id, 'unit.nanning.amr', future, 422, 'invalid_contact_time')
      const early = { ...CONTACT, at: '2026-02-12T10:00:00+08:00' }
      await expectRefused(id, 'unit.nanning.amr', early, 422, 'invalid_contact_time')
    })
  })

  describe('termination tied to the record', () => {
    const replied = async () => {
      const row = await ticket()
      await advance(store().db, row.id, [
        ...SIGNED,
        [CONTACT, 'unit.nanning.amr'],
        [{ type: 'reply', reply: '已办理。' }, 'unit.nanning.amr'],
        [{ type: 'approve_reply' }, 'desk.nanning'],
      ])
      return row.id
    }
    const terminate = (relatedTicketIds: string[]) => ({
      type: 'terminate',
      explanation: '同一事项已依法答复。',
      relatedTicketIds,
    })

    it('names earlier replied tickets of the business, once a unit has handled this one', async () => {
      const earlier = await replied()
      clock.set(new Date(FIXED_NOW.getTime() + 60_000))
      const { id } = await reportTicket(store().db, { now: new Date(FIXED_NOW.getTime() + 60_000) })
      await advance(store().db, id, [[{ type: 'accept' }, 'desk.nanning']])
      await expectRefused(id, 'office.nanning', terminate([earlier]), 409, 'not_handled_yet')

      await advance(store().db, id, SIGNED.slice(1))
      await expectRefused(id, 'office.nanning', terminate([id]), 422, 'invalid_related_ticket')
      const unrelated = (await ticket({ title: '另一件事' })).id
      await expectRefused(
        id,
        'office.nanning',
        terminate([unrelated]),
        422,
        'invalid_related_ticket',
      )
      await expectRefused(id, 'office.nanning', terminate([]), 422, 'validation_failed')

      const office = await view(id, 'office.nanning')
      expect(office.businessRecord?.map((r) => r.id)).toContain(earlier)
      const res = await send(id, 'office.nanning', terminate([earlier]))
      expect(res.statusCode, res.body).toBe(200)
      const done = staffTicketSchema.parse(res.json())
      expect(done.status).toBe('terminated')
      expect(done.history.at(-1)?.data).toEqual({ relatedTicketIds: [earlier] })

      // A new report of the same business: the desk sees the terminated matter on it.
      const next = await ticket()
      const record = (await view(next.id, 'desk.nanning')).businessRecord ?? []
      expect(record.find((r) => r.id === id)).toMatchObject({ status: 'terminated' })
      expect((await view(next.id, 'unit.nanning.amr').catch(() => null))?.businessRecord).toBe(
        undefined,
      )
    })

    // A business that reported often since: the record still holds the earlier tickets a
    // termination can name (it held only the newest 20, all later than this ticket; CI found it).
    it('keeps the earlier tickets in the record when more than it holds came after', async () => {
      const earlier = await replied()
      const at = (minutes: number) => new Date(FIXED_NOW.getTime() + minutes * 60_000)
      const { id } = await reportTicket(store().db, { now: at(1) })
      for (let i = 0; i < 21; i += 1) await reportTicket(store().db, { now: at(2 + i) })
      const record = (await view(id, 'office.nanning')).businessRecord ?? []
      expect(record.map((r) => r.id)).toContain(earlier)
      // …and the newest 20 after it, as before.
      expect(record.length).toBeGreaterThan(20)
    })
  })
})
