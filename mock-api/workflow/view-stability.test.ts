// An owner's view is answered again from memory while it holds (owner-tickets.ts); here, for
// tickets in each kind of clock, the view at any instant of the span it holds for is the view at
// its start, and the span ends where the tests of the clock rules say the view changes.
import { beforeAll, describe, expect, it } from 'vitest'
import { createHolidayCalendar } from '../domain/holidays.js'
import type { TicketRow } from '../storage/tickets.js'
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
import { loadOwnerTicketParts, ownerTicketAt, ownerTicketBase } from './ticket-views.js'
import { ownerViewHoldsUntil } from './view-stability.js'

const calendar = createHolidayCalendar()
const HOUR = 3_600_000
// Friday 13 Feb 2026, 10:00 China time: the acceptance clock ends at 24:00 on Saturday 14 Feb.
const ACCEPTANCE_DUE = new Date('2026-02-14T16:00:00.000Z').getTime()
const END_OF_FRIDAY = new Date('2026-02-13T16:00:00.000Z').getTime()

describe.each(databases)('how long an owner view holds, on $name', (database) => {
  const store = useStore(database)
  beforeAll(() => insertUnits(store().db))

  const viewer = async (row: TicketRow) => {
    const base = ownerTicketBase(row, await loadOwnerTicketParts(store().db, row))
    return (at: number) => JSON.stringify(ownerTicketAt(base, { now: new Date(at), calendar }))
  }

  /** Every 7 h 13 min over three weeks from FRIDAY: the view holds through its span. */
  async function expectHoldsThroughout(row: TicketRow) {
    const view = await viewer(row)
    for (let at = FRIDAY.getTime(); at < FRIDAY.getTime() + 21 * 24 * HOUR; at += 7.22 * HOUR) {
      const until = ownerViewHoldsUntil(row, new Date(at), calendar)
      expect(until).toBeGreaterThanOrEqual(at)
      if (until === at) continue
      for (const inside of [at + 1, (at + until) / 2, until - 1]) {
        expect(view(Math.floor(inside))).toBe(view(at))
      }
    }
  }

  it('holds a new ticket to the end of the China day, or to its due', async () => {
    const row = await submittedTicket(store().db)
    expect(ownerViewHoldsUntil(row, FRIDAY, calendar)).toBe(END_OF_FRIDAY)
    const saturday = new Date(ACCEPTANCE_DUE - 2 * HOUR)
    expect(ownerViewHoldsUntil(row, saturday, calendar)).toBe(ACCEPTANCE_DUE)
    const view = await viewer(row)
    expect(view(ACCEPTANCE_DUE)).not.toBe(view(ACCEPTANCE_DUE - 1))
    await expectHoldsThroughout(row)
  })

  it('does not hold a view that offers an urge right now', async () => {
    const row = await submittedTicket(store().db)
    const overdue = new Date(ACCEPTANCE_DUE + HOUR)
    expect(ownerViewHoldsUntil(row, overdue, calendar)).toBe(overdue.getTime())
    const urged = await apply(store().db, row.id, { type: 'urge' }, ownerOf(row), overdue)
    expect(ownerViewHoldsUntil(urged, overdue, calendar)).toBeGreaterThan(overdue.getTime())
    await expectHoldsThroughout(urged)
  })

  it('holds through the dispatch, handling and rating clocks', async () => {
    const { db } = store()
    const dispatched = await submittedTicket(db)
    await apply(db, dispatched.id, { type: 'accept' }, WF_ACTORS.desk)
    const row = await apply(
      db,
      dispatched.id,
      { type: 'dispatch', leadUnitId: LEAD_UNIT },
      WF_ACTORS.desk,
    )
    await expectHoldsThroughout(row)
    await expectHoldsThroughout(await repliedTicket(db))
  })
})
