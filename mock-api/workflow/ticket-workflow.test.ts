import { beforeAll, describe, expect, it } from 'vitest'
import type { TicketStatus } from '../contract.js'
import { asProblemError } from '../plugins/refusal-table.js'
import { databases, useStore } from '../test/databases.js'
import {
  CO_UNIT,
  FRIDAY,
  LEAD_UNIT,
  WF_ACTORS,
  apply,
  countRows,
  insertUnits,
  ownerOf,
  repliedTicket,
  submittedTicket,
} from '../test/workflow-fixtures.js'
import { findTicket, historyOf } from '../storage/tickets.js'
import type { TicketEvent, WorkflowActor } from './ticket-workflow.js'
import { Refused } from './refused.js'

const { desk, lead, coUnit } = WF_ACTORS
const later = (hours: number) => new Date(FRIDAY.getTime() + hours * 3_600_000)

describe.each(databases)('the ticket workflow on $name', (database) => {
  const store = useStore(database)
  beforeAll(() => insertUnits(store().db))

  it('walks a complaint from submit to closed, moving the due as DOMAIN.md says', async () => {
    const { db } = store()
    const submitted = await submittedTicket(db)
    expect(submitted).toMatchObject({ status: 'submitted', desk_division_code: '450100' })
    // Sat 14 Feb 2026 is a make-up working day: acceptance is due at its 24:00 China time.
    expect(submitted).toMatchObject({ due_step: 'acceptance', due_at: '2026-02-14T16:00:00.000Z' })

    type Step = {
      event: TicketEvent
      actor: WorkflowActor
      status: TicketStatus
      due?: readonly [string | null, string | null]
    }
    const steps: Step[] = [
      // The dispatch clock: 1 working day, and Sat 14 Feb 2026 is a make-up working day.
      {
        event: { type: 'accept' },
        actor: desk,
        status: 'accepted',
        due: ['dispatch', '2026-02-14T16:00:00.000Z'],
      },
      {
        event: { type: 'dispatch', leadUnitId: LEAD_UNIT, coUnitIds: [CO_UNIT] },
        actor: desk,
        status: 'dispatched',
        due: ['handling', '2026-03-05T16:00:00.000Z'],
      },
      { event: { type: 'sign' }, actor: lead, status: 'in_progress' },
      {
        event: { type: 'contact', channel: 'phone', summary: '已联系。' },
        actor: lead,
        status: 'in_progress',
      },
      { event: { type: 'reply', reply: '已加急办理。' }, actor: lead, status: 'reply_review' },
      {
        event: { type: 'approve_reply' },
        actor: desk,
        status: 'replied',
        due: ['rating', '2026-02-25T16:00:00.000Z'],
      },
      {
        event: { type: 'rate', resolved: 'yes', satisfaction: 'satisfied' },
        actor: ownerOf(submitted),
        status: 'closed',
        due: [null, null],
      },
    ]
    let due: readonly [string | null, string | null] = ['handling', '2026-03-05T16:00:00.000Z']
    for (const [index, step] of steps.entries()) {
      const row = await apply(db, submitted.id, step.event, step.actor, later(index + 1))
      if (step.due) due = step.due
      expect(row).toMatchObject({ status: step.status, due_step: due[0], due_at: due[1] })
      expect(row.version).toBe(index + 1)
    }

    const closed = await findTicket(db, submitted.id)
    expect(closed).toMatchObject({
      acceptance_result: 'on_time',
      handling_result: 'on_time',
      reply: '已加急办理。',
      pending_reply: null,
      accepted_at: later(1).toISOString(),
      dispatched_at: later(2).toISOString(),
      replied_at: later(6).toISOString(),
      closed_at: later(7).toISOString(),
    })
    const history = await historyOf(db, submitted.id)
    expect(history.map((entry) => [entry.seq, entry.type, entry.to_status])).toEqual([
      [1, 'submit', 'submitted'],
      [2, 'accept', 'accepted'],
      [3, 'dispatch', 'dispatched'],
      [4, 'sign', 'in_progress'],
      [5, 'contact', 'in_progress'],
      [6, 'reply', 'reply_review'],
      [7, 'approve_reply', 'replied'],
      [8, 'rate', 'closed'],
    ])
    expect(history[2]).toMatchObject({ actor_id: 'staff-desk', role: 'desk' })
    expect(JSON.parse(history[2]?.data ?? '')).toEqual({
      leadUnitId: LEAD_UNIT,
      coUnitIds: [CO_UNIT],
    })
    expect(await countRows(db, 'ticket_events', submitted.id)).toBe(8)
    const ratings = await db
      .selectFrom('ratings')
      .selectAll()
      .where('ticket_id', '=', submitted.id)
      .execute()
    expect(ratings).toMatchObject([{ round: 0, satisfaction: 'satisfied', source: 'owner' }])
  })

  it('keeps exactly one lead unit, and releases every unit when the ticket is returned', async () => {
    const { db } = store()
    const ticket = await submittedTicket(db)
    await apply(db, ticket.id, { type: 'accept' }, desk)
    await apply(
      db,
      ticket.id,
      { type: 'dispatch', leadUnitId: LEAD_UNIT, coUnitIds: [CO_UNIT] },
      desk,
    )
    const held = () =>
      db
        .selectFrom('ticket_units')
        .select(['unit_id', 'role'])
        .where('ticket_id', '=', ticket.id)
        .where('released_at', 'is', null)
        .orderBy('unit_id')
        .execute()
    expect(await held()).toEqual([
      { unit_id: CO_UNIT, role: 'co' },
      { unit_id: LEAD_UNIT, role: 'lead' },
    ])
    const returned = await apply(
      db,
      ticket.id,
      { type: 'return', reason: '不属本单位' },
      lead,
      later(1),
    )
    // Back with the desk, on a fresh 1-working-day dispatch clock (Sat 14 Feb is worked).
    expect(returned).toMatchObject({
      status: 'accepted',
      lead_unit_id: null,
      due_step: 'dispatch',
      due_at: '2026-02-14T16:00:00.000Z',
    })
    expect(await held()).toEqual([])
    await apply(db, ticket.id, { type: 'dispatch', leadUnitId: CO_UNIT }, desk, later(2))
    expect(await held()).toEqual([{ unit_id: CO_UNIT, role: 'lead' }])
  })

  it('refuses with the right status and changes nothing', async () => {
    const { db } = store()
    const ticket = await submittedTicket(db)
    const accepted = await apply(db, ticket.id, { type: 'accept' }, desk)
    const before = {
      row: await findTicket(db, ticket.id),
      history: await historyOf(db, ticket.id),
      events: await countRows(db, 'ticket_events', ticket.id),
    }
    const refusals = [
      [{ type: 'withdraw' }, ownerOf(ticket), 409, 'wrong_state'],
      [{ type: 'sign' }, coUnit, 409, 'wrong_state'],
      [{ type: 'accept' }, lead, 403, 'wrong_role'],
      [{ type: 'refer', note: '  ' }, desk, 422, 'missing_field'],
      [{ type: 'dispatch', leadUnitId: 'no-such-unit' }, desk, 422, 'unknown_unit'],
    ] as const
    for (const [event, actor, status, code] of refusals) {
      const error = await apply(db, ticket.id, event, actor).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(Refused)
      expect(asProblemError(error)).toMatchObject({ status, code })
    }
    expect(await findTicket(db, ticket.id)).toEqual(before.row)
    expect(await historyOf(db, ticket.id)).toEqual(before.history)
    expect(await countRows(db, 'ticket_events', ticket.id)).toBe(before.events)
    expect(await countRows(db, 'ticket_units', ticket.id)).toBe(0)
    expect(accepted.version).toBe(1)
  })

  it('refuses a stale row read before another writer changed the ticket', async () => {
    const { db } = store()
    const ticket = await submittedTicket(db)
    await apply(db, ticket.id, { type: 'accept' }, desk)
    const error = await apply(db, ticket, { type: 'withdraw' }, ownerOf(ticket)).catch(
      (e: unknown) => e,
    )
    expect(asProblemError(error)).toMatchObject({ status: 409, code: 'ticket_changed' })
    expect((await findTicket(db, ticket.id))?.status).toBe('accepted')
  })

  it('starts the review clock on a dissatisfied rating and stores the rating', async () => {
    const { db } = store()
    const ticket = await repliedTicket(db)
    const rated = await apply(
      db,
      ticket.id,
      { type: 'rate', resolved: 'no', satisfaction: 'dissatisfied', reason: '没解决' },
      ownerOf(ticket),
      FRIDAY,
      { ratingId: '1b4e28ba-2fa1-41d2-883f-0016d3cca427' },
    )
    expect(rated).toMatchObject({
      status: 'dissatisfaction_review',
      due_step: 'review',
      due_at: '2026-02-14T16:00:00.000Z',
      closed_at: null,
    })
    const rating = await db
      .selectFrom('ratings')
      .selectAll()
      .where('ticket_id', '=', ticket.id)
      .executeTakeFirst()
    expect(rating).toMatchObject({
      id: '1b4e28ba-2fa1-41d2-883f-0016d3cca427',
      round: 0,
      satisfaction: 'dissatisfied',
      reason: '没解决',
    })
    const rehandled = await apply(
      db,
      ticket.id,
      { type: 'order_rehandle', reason: '重办' },
      desk,
      later(1),
    )
    expect(rehandled).toMatchObject({
      status: 'in_progress',
      rehandle_count: 1,
      due_step: 'handling',
    })
  })
})
