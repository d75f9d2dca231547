import { beforeAll, describe, expect, it } from 'vitest'
import type { StaffQueueItem } from '../contract.js'
import { staffQueueSchema } from '../contract.js'
import type { TicketRow } from '../storage/tickets.js'
import { loadCalendar } from '../workflow/calendar.js'
import { applyTicketEvent } from '../workflow/ticket-workflow.js'
import { databases, useStore } from '../test/databases.js'
import { DISPATCH_STEPS, advance, reportTicket, seedStaff, signIn } from '../test/staff-fixtures.js'
import { FIXED_NOW, buildTestApp } from '../test/test-app.js'

// FIXED_NOW is Friday 2026-02-13 10:00 China time; Saturday the 14th is a make-up working day.
const WEDNESDAY = new Date('2026-02-11T02:00:00.000Z')
const THURSDAY = new Date('2026-02-12T02:00:00.000Z')
// Tickets with equal dues are listed in the order they came in.
const minutesLater = (minutes: number) => new Date(FIXED_NOW.getTime() + minutes * 60_000)

describe.each(databases)('staff queues on $name', (database) => {
  const store = useStore(database)
  const t: Record<string, TicketRow> = {}

  beforeAll(async () => {
    const { db } = store()
    await seedStaff(store())
    t.overdue = await reportTicket(db, { now: WEDNESDAY, phone: '13912345678' })
    t.dueToday = await reportTicket(db, { now: THURSDAY })
    t.dueTomorrow = await reportTicket(db)
    t.accepted = await reportTicket(db, { now: WEDNESDAY })
    await advance(db, t.accepted.id, [DISPATCH_STEPS[0]])
    t.inReview = await reportTicket(db, { confidential: true })
    await advance(db, t.inReview.id, [
      ...DISPATCH_STEPS,
      [{ type: 'sign' }, 'unit.nanning.amr'],
      [{ type: 'contact', channel: 'phone', summary: '已联系。' }, 'unit.nanning.amr'],
      [{ type: 'reply', reply: '已办理。' }, 'unit.nanning.amr'],
    ])
    t.dispatched = await reportTicket(db, { now: minutesLater(1) })
    await advance(db, t.dispatched.id, DISPATCH_STEPS, minutesLater(1))
    t.extension = await reportTicket(db, { now: minutesLater(2) })
    await advance(
      db,
      t.extension.id,
      [
        ...DISPATCH_STEPS,
        [{ type: 'sign' }, 'unit.nanning.amr'],
        [
          { type: 'request_extension', reason: '需要现场核查', until: '2026-03-12' },
          'unit.nanning.amr',
        ],
      ],
      minutesLater(2),
    )
    t.referred = await reportTicket(db, { now: minutesLater(3) })
    await advance(
      db,
      t.referred.id,
      [DISPATCH_STEPS[0], [{ type: 'refer', note: '两个部门都说不归自己管' }, 'desk.nanning']],
      minutesLater(3),
    )
    t.supervised = await reportTicket(db, { now: minutesLater(4) })
    await advance(
      db,
      t.supervised.id,
      [[{ type: 'supervise', note: '重点关注' }, 'office.nanning']],
      minutesLater(4),
    )
    t.liuzhouOverdue = await reportTicket(db, {
      now: new Date(WEDNESDAY.getTime() + 60_000),
      divisionCode: '450204',
      deskDivisionCode: '450200',
    })
    t.liuzhouDispatched = await reportTicket(db, {
      divisionCode: '450204',
      deskDivisionCode: '450200',
    })
    await advance(db, t.liuzhouDispatched.id, [
      [{ type: 'accept' }, 'desk.liuzhou'],
      [{ type: 'dispatch', leadUnitId: 'liuzhou-amr' }, 'desk.liuzhou'],
    ])
    // The owner urges the overdue report: it becomes supervised and flagged as urged.
    const overdue = t.overdue
    await db
      .transaction()
      .execute(async (trx) =>
        applyTicketEvent(
          trx,
          { now: FIXED_NOW, calendar: await loadCalendar(store().db) },
          overdue.id,
          { type: 'urge' },
          { role: 'owner', id: overdue.owner_id },
        ),
      )
  })

  const queueOf = async (username: string, query = ''): Promise<StaffQueueItem[]> => {
    const app = await buildTestApp(store())
    const cookies = await signIn(app, username)
    const res = await app.inject({ url: `/api/staff/queue${query}`, cookies })
    await app.close()
    expect(res.statusCode, res.body).toBe(200)
    return staffQueueSchema.parse(res.json()).tickets
  }
  const namesOf = (items: readonly StaffQueueItem[]) =>
    items.map((item) => Object.keys(t).find((name) => t[name]?.id === item.id) ?? item.id)

  it('gives a desk its reports, reviews and return visits, most urgent first', async () => {
    const queue = await queueOf('desk.nanning')
    // The accepted ticket is on its dispatch clock (分办), due with dueTomorrow and created earlier.
    expect(namesOf(queue)).toEqual([
      'overdue',
      'dueToday',
      'accepted',
      'dueTomorrow',
      'supervised',
      'inReview',
    ])
    const [overdue, dueToday, accepted, dueTomorrow, supervised, inReview] = queue
    expect(overdue?.due).toMatchObject({ step: 'acceptance', overdue: true, nearDue: false })
    expect(overdue).toMatchObject({ isUrged: true, isSupervised: true, maskedPhone: '139****5678' })
    expect(dueToday?.due).toMatchObject({ overdue: false, nearDue: true, workingDaysLeft: 0 })
    expect(dueTomorrow?.due).toMatchObject({ lastDay: '2026-02-14', nearDue: true })
    expect(dueTomorrow).toMatchObject({ isUrged: false, isSupervised: false })
    expect(supervised).toMatchObject({ isUrged: false, isSupervised: true })
    expect(inReview?.due).toMatchObject({ step: 'handling', nearDue: false, overdue: false })
    expect(inReview?.maskedPhone).toBe('138****1234')
    expect(accepted?.due).toMatchObject({ step: 'dispatch', lastDay: '2026-02-14', nearDue: true })
  })

  it('gives the region desk only the region queue', async () => {
    expect(await queueOf('desk.region')).toEqual([])
  })

  it('gives a unit what is dispatched to it, as lead or co-unit, hiding confidential phones', async () => {
    const lead = await queueOf('unit.nanning.amr')
    expect(namesOf(lead)).toEqual(['inReview', 'dispatched', 'extension'])
    expect(lead.every((item) => item.due?.lastDay === '2026-03-05')).toBe(true)
    expect(lead.find((item) => item.id === t.inReview?.id)?.maskedPhone).toBeNull()
    expect(lead.find((item) => item.id === t.dispatched?.id)?.maskedPhone).toBe('138****1234')
    const coUnit = await queueOf('unit.nanning.tax')
    expect(namesOf(coUnit)).toEqual(['inReview', 'dispatched', 'extension'])
    expect(namesOf(await queueOf('unit.liuzhou.amr'))).toEqual(['liuzhouDispatched'])
  })

  it('gives an office its board: decisions, near-due, overdue and supervised tickets of its city', async () => {
    const board = await queueOf('office.nanning')
    // Near due (≤ 1 working day left) counts too: the accepted ticket's dispatch step is amber.
    expect(namesOf(board)).toEqual([
      'overdue',
      'dueToday',
      'accepted',
      'dueTomorrow',
      'referred',
      'supervised',
      'extension',
    ])
    expect(board.map((item) => item.status)).toEqual([
      'submitted',
      'submitted',
      'accepted',
      'submitted',
      'coordinating',
      'submitted',
      'extension_pending',
    ])
    expect(board[2]?.due).toMatchObject({ step: 'dispatch', nearDue: true, overdue: false })
    expect(board[0]?.due?.overdue).toBe(true)
    expect(board.find((item) => item.id === t.supervised?.id)?.isSupervised).toBe(true)
    const region = await queueOf('office.region')
    expect(namesOf(region)).toEqual([
      'overdue',
      'liuzhouOverdue',
      'dueToday',
      'accepted',
      'dueTomorrow',
      'referred',
      'supervised',
      'extension',
    ])
    expect(namesOf(await queueOf('office.liuzhou'))).toEqual(['liuzhouOverdue'])
  })

  it('finds by number, business, credit code or phone, in my scope only (issue 17)', async () => {
    const search = (who: string, q: string) => queueOf(who, `?q=${encodeURIComponent(q)}`)
    expect(namesOf(await search('desk.nanning', '13912345678'))).toEqual(['overdue'])
    expect(namesOf(await search('desk.nanning', '5678'))).toEqual(['overdue'])
    // A search looks past what awaits the desk: the dispatched ticket is in its scope too.
    const byCode = namesOf(await search('desk.nanning', '91450100ma5k'))
    expect(byCode).toEqual(expect.arrayContaining(['overdue', 'dispatched', 'inReview']))
    expect(byCode).not.toContain('liuzhouDispatched')
    const liuzhouNumber = t.liuzhouDispatched?.number ?? ''
    expect(await search('desk.nanning', liuzhouNumber)).toEqual([])
    expect(namesOf(await search('desk.liuzhou', liuzhouNumber.toLowerCase()))).toEqual([
      'liuzhouDispatched',
    ])
    // A unit may not learn who sent a confidential report: its number finds it, the shop does not.
    expect(namesOf(await search('unit.nanning.amr', '青秀小店'))).toEqual([
      'dispatched',
      'extension',
    ])
    expect(namesOf(await search('unit.nanning.amr', t.inReview?.number ?? ''))).toEqual([
      'inReview',
    ])
    expect(await search('desk.nanning', '%')).toEqual(await queueOf('desk.nanning', '?q=%25_'))
  })

  it('filters by status, category, channel and due', async () => {
    expect(namesOf(await queueOf('office.nanning', '?status=coordinating'))).toEqual(['referred'])
    expect(namesOf(await queueOf('desk.nanning', '?status=dispatched'))).toEqual(['dispatched'])
    expect(await queueOf('desk.nanning', '?category=help')).toEqual([])
    expect(await queueOf('desk.nanning', '?channel=phone')).toEqual([])
    expect(namesOf(await queueOf('desk.nanning', '?due=overdue'))).toEqual(['overdue'])
    expect(namesOf(await queueOf('desk.nanning', '?due=near&category=complaint'))).toEqual([
      'dueToday',
      'accepted',
      'dueTomorrow',
      'supervised',
    ])
    const app = await buildTestApp(store())
    const cookies = await signIn(app, 'desk.nanning')
    for (const query of ['?status=open', '?due=soon', '?category=other', `?q=${'长'.repeat(61)}`]) {
      expect((await app.inject({ url: `/api/staff/queue${query}`, cookies })).statusCode).toBe(422)
    }
    await app.close()
  })

  it('has no queue for the admin', async () => {
    const app = await buildTestApp(store())
    const cookies = await signIn(app, 'admin')
    expect((await app.inject({ url: '/api/staff/queue', cookies })).statusCode).toBe(403)
    await app.close()
  })
})
