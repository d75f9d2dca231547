import { beforeAll, describe, expect, it } from 'vitest'
import { databases, useStore } from '../test/databases.js'
import {
  FRIDAY,
  LEAD_UNIT,
  WF_ACTORS,
  apply,
  insertUnits,
  ownerOf,
  repliedTicket,
  submittedTicket,
} from '../test/workflow-fixtures.js'
import { invalidateCalendar, loadCalendar } from './calendar.js'
import { findTicket } from '../storage/tickets.js'
import { asProblemError } from '../plugins/refusal-table.js'

const { desk, office, lead, system } = WF_ACTORS
const ACCEPTANCE_DUE = new Date('2026-02-14T16:00:00.000Z')

describe.each(databases)('ticket clocks on $name', (database) => {
  const store = useStore(database)
  beforeAll(() => insertUnits(store().db))

  it('lets the owner urge only once the step is overdue, once per working day', async () => {
    const { db } = store()
    const ticket = await submittedTicket(db)
    const owner = ownerOf(ticket)
    const early = await apply(db, ticket.id, { type: 'urge' }, owner).catch((e: unknown) => e)
    expect(asProblemError(early)).toMatchObject({ status: 409, code: 'not_overdue' })

    const urged = await apply(db, ticket.id, { type: 'urge' }, owner, ACCEPTANCE_DUE)
    expect(urged).toMatchObject({ status: 'submitted', is_supervised: 1 })
    expect(urged.last_urged_at).toBe(ACCEPTANCE_DUE.toISOString())

    // Sunday 15 Feb opens the Spring Festival holiday: no working day has begun since the urge.
    const sunday = new Date('2026-02-15T03:00:00.000Z')
    const again = await apply(db, ticket.id, { type: 'urge' }, owner, sunday).catch(
      (e: unknown) => e,
    )
    expect(asProblemError(again)).toMatchObject({ status: 409, code: 'already_urged_today' })
    const nextWorkingDay = new Date('2026-02-24T01:00:00.000Z')
    await expect(
      apply(db, ticket.id, { type: 'urge' }, owner, nextWorkingDay),
    ).resolves.toMatchObject({ last_urged_at: nextWorkingDay.toISOString() })
  })

  it('records a late acceptance', async () => {
    const { db } = store()
    const ticket = await submittedTicket(db)
    const accepted = await apply(db, ticket.id, { type: 'accept' }, desk, ACCEPTANCE_DUE)
    // The dispatch clock starts at once: 1 working day after the Spring Festival holiday.
    expect(accepted).toMatchObject({
      acceptance_result: 'late',
      due_step: 'dispatch',
      due_at: '2026-02-24T16:00:00.000Z',
    })
  })

  it('moves the handling due on an approved extension and refuses a bad date', async () => {
    const { db } = store()
    const ticket = await submittedTicket(db)
    await apply(db, ticket.id, { type: 'accept' }, desk)
    await apply(db, ticket.id, { type: 'dispatch', leadUnitId: LEAD_UNIT }, desk)
    await apply(db, ticket.id, { type: 'sign' }, lead)
    const request = {
      type: 'request_extension',
      reason: '需现场核查',
      until: '2026-03-20',
    } as const
    await apply(db, ticket.id, request, lead)
    const weekend = await apply(
      db,
      ticket.id,
      { type: 'approve_extension', until: '2026-03-21' },
      office,
    ).catch((e: unknown) => e)
    expect(asProblemError(weekend)).toMatchObject({ status: 422, code: 'not_a_working_day' })
    expect((await findTicket(db, ticket.id))?.status).toBe('extension_pending')

    const approved = await apply(db, ticket.id, { type: 'approve_extension' }, office)
    expect(approved).toMatchObject({
      status: 'in_progress',
      due_step: 'handling',
      due_at: '2026-03-20T16:00:00.000Z',
      requested_until: null,
    })
  })

  it('closes an unrated ticket with rating "none" when the system says so', async () => {
    const { db } = store()
    const ticket = await repliedTicket(db)
    const closed = await apply(db, ticket.id, { type: 'auto_close' }, system)
    expect(closed).toMatchObject({ status: 'closed', due_at: null })
    const rating = await db
      .selectFrom('ratings')
      .selectAll()
      .where('ticket_id', '=', ticket.id)
      .executeTakeFirst()
    expect(rating).toMatchObject({
      satisfaction: 'none',
      resolved: null,
      source: 'system',
      round: 0,
    })
  })

  it('builds the calendar from the office overrides, and rebuilds it when invalidated', async () => {
    const { db } = store()
    const first = await loadCalendar(db)
    expect(await loadCalendar(db)).toBe(first)
    expect(first.isWorkingDay('2026-03-02')).toBe(true)
    await db
      .insertInto('calendar_overrides')
      .values({
        date: '2026-03-02',
        kind: 'holiday',
        note: '测试',
        created_by: null,
        created_at: FRIDAY.toISOString(),
      })
      .execute()
    await db
      .insertInto('calendar_years')
      .values({ year: 2031, note: null, created_at: FRIDAY.toISOString() })
      .execute()
    expect((await loadCalendar(db)).isWorkingDay('2026-03-02')).toBe(true)
    invalidateCalendar(db)
    const rebuilt = await loadCalendar(db)
    expect(rebuilt.isWorkingDay('2026-03-02')).toBe(false)
    expect(rebuilt.isCovered('2031-05-01')).toBe(true)
    await db.deleteFrom('calendar_overrides').execute()
    await db.deleteFrom('calendar_years').execute()
    invalidateCalendar(db)
  })
})
