import { describe, expect, it } from 'vitest'
import { databases, useStore } from '../test/databases.js'
import { DISPATCH_STEPS, advance, reportTicket } from '../test/staff-fixtures.js'
import { FIXED_NOW, testClock } from '../test/test-app.js'
import { sweep } from './sweeper.js'

// Approved on Friday 2026-02-13: Saturday the 14th is a make-up working day, 15-23 February the
// Spring Festival, so the 3-working-day rating window ends at 24:00 on Wednesday the 25th.
const LAST_RATING_DAY_NOON = new Date('2026-02-25T04:00:00.000Z')
const AFTER_RATING_WINDOW = new Date('2026-02-25T16:00:00.000Z')
// Submitted on Friday: accepted by 24:00 on Saturday the 14th.
const AFTER_ACCEPTANCE_DUE = new Date('2026-02-14T16:00:00.000Z')

const seedUnits = async (store: ReturnType<ReturnType<typeof useStore>>) => {
  const { db } = store
  const at = FIXED_NOW.toISOString()
  await db
    .insertInto('units')
    .values(
      ['nanning-amr', 'nanning-tax'].map((id) => ({
        id,
        name: id,
        level: 'city' as const,
        division_code: '450100',
        created_at: at,
        retired_at: null,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute()
  for (const [username, role, unitId] of [
    ['desk.nanning', 'desk', null],
    ['unit.nanning.amr', 'unit', 'nanning-amr'],
  ] as const) {
    await db
      .insertInto('staff')
      .values({
        id: username,
        username,
        display_name: username,
        password_hash: 'none',
        role,
        division_code: '450100',
        unit_id: unitId,
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) => oc.doNothing())
      .execute()
  }
}

const REPLY_STEPS = [
  ...DISPATCH_STEPS,
  [{ type: 'sign' }, 'unit.nanning.amr'],
  [{ type: 'contact', channel: 'phone', summary: '已联系。' }, 'unit.nanning.amr'],
  [{ type: 'reply', reply: '已办理。' }, 'unit.nanning.amr'],
  [{ type: 'approve_reply' }, 'desk.nanning'],
] as const

describe.each(databases)('the system job on $name', (database) => {
  const store = useStore(database)

  const eventsOf = async (ticketId: string) =>
    (
      await store()
        .db.selectFrom('ticket_events')
        .select('type')
        .where('ticket_id', '=', ticketId)
        .orderBy('id')
        .execute()
    ).map((e) => e.type)

  it('closes an unrated reply after 3 working days with rating "none", once', async () => {
    await seedUnits(store())
    const { db } = store()
    const ticket = await reportTicket(db)
    await advance(db, ticket.id, REPLY_STEPS)
    const clock = testClock(LAST_RATING_DAY_NOON)
    expect((await sweep({ db: store(), clock })).closed).toBe(0)
    clock.set(AFTER_RATING_WINDOW)
    expect((await sweep({ db: store(), clock })).closed).toBe(1)
    expect((await sweep({ db: store(), clock })).closed).toBe(0)

    const row = await db
      .selectFrom('tickets')
      .selectAll()
      .where('id', '=', ticket.id)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({
      status: 'closed',
      due_at: null,
      closed_at: AFTER_RATING_WINDOW.toISOString(),
    })
    const ratings = await db
      .selectFrom('ratings')
      .selectAll()
      .where('ticket_id', '=', ticket.id)
      .execute()
    expect(ratings).toEqual([
      expect.objectContaining({
        satisfaction: 'none',
        resolved: null,
        source: 'system',
        staff_id: null,
      }),
    ])
    const history = await db
      .selectFrom('ticket_history')
      .selectAll()
      .where('ticket_id', '=', ticket.id)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow()
    expect(history).toMatchObject({
      type: 'auto_close',
      role: 'system',
      actor_id: null,
      to_status: 'closed',
    })
    expect(await eventsOf(ticket.id)).not.toContain('overdue')
  })

  it('leaves a reply alone once the owner rated it', async () => {
    await seedUnits(store())
    const { db } = store()
    const ticket = await reportTicket(db)
    await advance(db, ticket.id, [
      ...REPLY_STEPS,
      [{ type: 'record_rating', resolved: 'yes', satisfaction: 'satisfied' }, 'desk.nanning'],
    ])
    await sweep({ db: store(), clock: testClock(AFTER_RATING_WINDOW) })
    const ratings = await db
      .selectFrom('ratings')
      .select('satisfaction')
      .where('ticket_id', '=', ticket.id)
      .execute()
    expect(ratings).toEqual([{ satisfaction: 'satisfied' }])
  })

  it('announces a passing due once per due, and again for the next step', async () => {
    await seedUnits(store())
    const { db } = store()
    const ticket = await reportTicket(db)
    const clock = testClock(FIXED_NOW)
    await sweep({ db: store(), clock })
    expect(await eventsOf(ticket.id)).toEqual(['submit'])

    clock.set(AFTER_ACCEPTANCE_DUE)
    const first = await sweep({ db: store(), clock })
    expect(first).toEqual({ closed: 0, flagged: 1 })
    expect(await eventsOf(ticket.id)).toEqual(['submit', 'overdue'])
    await sweep({ db: store(), clock })
    expect(await eventsOf(ticket.id)).toEqual(['submit', 'overdue'])
    const flags = await db
      .selectFrom('overdue_flags')
      .selectAll()
      .where('ticket_id', '=', ticket.id)
      .execute()
    expect(flags).toEqual([
      {
        ticket_id: ticket.id,
        due_at: AFTER_ACCEPTANCE_DUE.toISOString(),
        step: 'acceptance',
        flagged_at: AFTER_ACCEPTANCE_DUE.toISOString(),
      },
    ])

    // Dispatched late: a new handling clock, announced again once its own due passes.
    await advance(db, ticket.id, DISPATCH_STEPS, AFTER_ACCEPTANCE_DUE)
    const handlingDue = await db
      .selectFrom('tickets')
      .select(['due_at', 'status'])
      .where('id', '=', ticket.id)
      .executeTakeFirstOrThrow()
    clock.set(new Date(Date.parse(handlingDue.due_at ?? '') + 1000))
    await sweep({ db: store(), clock })
    await sweep({ db: store(), clock })
    expect(await eventsOf(ticket.id)).toEqual([
      'submit',
      'overdue',
      'accept',
      'dispatch',
      'overdue',
    ])
    const ticketNow = await db
      .selectFrom('tickets')
      .select('status')
      .where('id', '=', ticket.id)
      .executeTakeFirstOrThrow()
    expect(ticketNow.status).toBe('dispatched')
  })
})
