// The rules around the table: data the events need, the facts that gate them, who may act, and
// what the history tells the owner.
import { describe, expect, it } from 'vitest'
import {
  ACTORS,
  CO_UNIT,
  DISSATISFIED,
  FAVOURABLE,
  LEAD,
  OTHER_UNIT,
  ticketIn,
  VALID_EVENTS as v,
} from '../test/ticket-fixtures.js'
import { refusalKind } from './refusals.js'
import type { MachineTicket, TicketEvent } from './ticket-machine.js'
import { allowedEvents, applyEvent } from './ticket-machine.js'

const apply = (ticket: MachineTicket | null, event: TicketEvent, by: keyof typeof ACTORS) =>
  applyEvent(ticket, event, ACTORS[by], FAVOURABLE)
const refused = (reason: string, field?: string) =>
  field ? { ok: false, reason, field } : { ok: false, reason }
const ticketAfter = (result: ReturnType<typeof applyEvent>) => {
  if (!result.ok) throw new Error(`refused: ${result.reason}`)
  return result.ticket
}

describe('required data', () => {
  it('refuses a refusal without a basis, even one of blanks', () => {
    const submitted = ticketIn('submitted')
    expect(apply(submitted, { type: 'refuse', basis: '  ' }, 'desk')).toEqual(
      refused('missing_basis', 'basis'),
    )
    expect(apply(submitted, { type: 'refuse' } as TicketEvent, 'desk')).toEqual(
      refused('missing_basis', 'basis'),
    )
  })

  it('needs a reason for a dissatisfied rating, by the owner or by the desk', () => {
    const replied = ticketIn('replied')
    const noReason = { ...DISSATISFIED, reason: ' ' }
    expect(apply(replied, noReason, 'owner')).toEqual(refused('missing_reason', 'reason'))
    expect(apply(replied, { ...noReason, type: 'record_rating' }, 'desk')).toEqual(
      refused('missing_reason', 'reason'),
    )
    expect(apply(replied, v.rate, 'owner').ok).toBe(true)
  })

  it('needs an explanation to terminate', () => {
    const event: TicketEvent = { type: 'terminate', explanation: '', relatedTicketIds: ['earlier'] }
    expect(apply(ticketIn('in_progress'), event, 'office')).toEqual(
      refused('missing_explanation', 'explanation'),
    )
  })

  it('dispatches to exactly one lead unit', () => {
    const accepted = ticketIn('accepted')
    const leadTwice: TicketEvent = { type: 'dispatch', leadUnitId: LEAD, coUnitIds: [LEAD] }
    expect(apply(accepted, leadTwice, 'desk')).toEqual(refused('invalid_field', 'coUnitIds'))
    const noLead = { type: 'dispatch', leadUnitId: ' ' } as const
    expect(apply(accepted, noLead, 'desk')).toEqual(refused('missing_field', 'leadUnitId'))
    expect(ticketAfter(apply(accepted, v.dispatch, 'desk'))).toMatchObject({
      leadUnitId: LEAD,
      coUnitIds: [CO_UNIT],
    })
  })

  it('refuses a rating outside the two scales and an unknown event', () => {
    const odd = { ...v.rate, satisfaction: 'great' } as unknown as TicketEvent
    expect(apply(ticketIn('replied'), odd, 'owner')).toEqual(
      refused('invalid_field', 'satisfaction'),
    )
    const unknown = { type: 'reopen' } as unknown as TicketEvent
    expect(apply(ticketIn('replied'), unknown, 'owner')).toEqual(refused('unknown_event'))
  })

  it('refuses material with neither text nor attachments', () => {
    const empty = { type: 'add_material', text: ' ', attachmentIds: [] } as const
    expect(apply(ticketIn('in_progress'), empty, 'owner')).toEqual(
      refused('missing_field', 'material'),
    )
  })
})

describe('facts from the caller', () => {
  const inProgress = ticketIn('in_progress')

  it('lets the owner urge only an overdue step, once a day, and flags supervision', () => {
    const urge = (facts: object) => applyEvent(inProgress, v.urge, ACTORS.owner, facts)
    expect(urge({ isStepOverdue: false, wasUrgedToday: false })).toEqual(refused('not_overdue'))
    expect(urge({ isStepOverdue: true, wasUrgedToday: true })).toEqual(
      refused('already_urged_today'),
    )
    expect(urge({})).toEqual(refused('not_overdue'))
    expect(ticketAfter(urge(FAVOURABLE)).isSupervised).toBe(true)
  })

  it('lets the lead unit return a ticket only within the window, and clears its units', () => {
    const facts = { isWithinReturnWindow: false }
    expect(applyEvent(inProgress, v.return, ACTORS.lead, facts)).toEqual(
      refused('return_window_closed'),
    )
    expect(ticketAfter(apply(inProgress, v.return, 'lead'))).toMatchObject({
      status: 'accepted',
      leadUnitId: null,
      coUnitIds: [],
    })
  })

  it('takes an extension request only before due and moves the due to the asked date', () => {
    expect(applyEvent(inProgress, v.request_extension, ACTORS.lead, {})).toEqual(
      refused('past_due'),
    )
    const badDate = { ...v.request_extension, until: '20 March' }
    expect(apply(inProgress, badDate, 'lead')).toEqual(refused('invalid_field', 'until'))
    const pending = ticketAfter(apply(inProgress, v.request_extension, 'lead'))
    const approved = apply(pending, v.approve_extension, 'office')
    expect(approved).toMatchObject({
      clock: { kind: 'extend' },
      entry: { data: { until: '2026-03-20' } },
    })
  })
})

describe('re-handling', () => {
  const review = (rehandleCount: number) => ticketIn('dissatisfaction_review', { rehandleCount })

  it('counts each re-handle and stops at the default cap of 2', () => {
    expect(ticketAfter(apply(review(0), v.order_rehandle, 'desk')).rehandleCount).toBe(1)
    expect(ticketAfter(apply(review(1), v.order_rehandle, 'office')).rehandleCount).toBe(2)
    expect(apply(review(2), v.order_rehandle, 'office')).toEqual(refused('rehandle_cap_reached'))
    expect(apply(review(2), v.confirm_closure, 'office')).toMatchObject({
      ok: true,
      ticket: { status: 'closed' },
    })
  })

  it('takes the cap from the caller', () => {
    const order = (count: number, rehandleCap: number) =>
      applyEvent(review(count), v.order_rehandle, ACTORS.desk, { rehandleCap }).ok
    expect(order(2, 3)).toBe(true)
    expect(order(0, 0)).toBe(false)
  })
})

describe('who may act', () => {
  it('lets co-units log contact and nothing else; other units nothing', () => {
    const inProgress = ticketIn('in_progress')
    const contact = apply(inProgress, v.contact, 'coUnit')
    expect(contact).toMatchObject({
      ok: true,
      entry: { data: { unitId: CO_UNIT, isFirstContact: true } },
    })
    expect(apply(ticketAfter(contact), v.contact, 'lead')).toMatchObject({
      entry: { data: { isFirstContact: false } },
    })
    expect(apply(inProgress, v.reply, 'coUnit')).toEqual(refused('not_lead_unit'))
    expect(apply(inProgress, v.contact, 'otherUnit')).toEqual(refused('not_assigned_unit'))
    expect(applyEvent(ticketIn('dispatched'), v.sign, { role: 'unit' })).toEqual(
      refused('not_lead_unit'),
    )
    expect(refusalKind('not_lead_unit')).toBe('forbidden')
  })

  it('transfers a city ticket to the region desk once', () => {
    const moved = ticketAfter(apply(ticketIn('submitted'), v.transfer, 'desk'))
    expect(moved).toMatchObject({ status: 'submitted', deskDivisionCode: '450000' })
    expect(apply(moved, v.transfer, 'desk')).toEqual(refused('already_region_desk'))
  })

  it('designates a lead only after a referral, and decides only after an escalation', () => {
    const escalated = ticketIn('coordinating', { coordinationVia: 'escalate', leadUnitId: LEAD })
    expect(apply(escalated, v.designate_lead, 'office')).toEqual(refused('not_referred'))
    expect(apply(ticketIn('coordinating'), v.decide, 'office')).toEqual(refused('not_escalated'))
  })

  it('shows each actor the events it may raise now', () => {
    const sorted = (list: string[]) => [...list].sort()
    expect(allowedEvents(null, ACTORS.owner)).toEqual(['submit'])
    expect(sorted(allowedEvents(ticketIn('submitted'), ACTORS.desk))).toEqual([
      'accept',
      'refuse',
      'transfer',
    ])
    const inProgress = ticketIn('in_progress')
    expect(allowedEvents(inProgress, ACTORS.coUnit)).toEqual(['contact'])
    expect(allowedEvents(inProgress, { role: 'unit', unitId: OTHER_UNIT })).toEqual([])
    expect(sorted(allowedEvents(inProgress, ACTORS.lead, { isWithinReturnWindow: false }))).toEqual(
      ['contact', 'escalate', 'request_extension'],
    )
    const contacted = ticketIn('in_progress', { hasContact: true })
    expect(sorted(allowedEvents(contacted, ACTORS.lead, { isWithinReturnWindow: false }))).toEqual([
      'contact',
      'escalate',
      'reply',
      'request_extension',
    ])
    expect(allowedEvents(inProgress, ACTORS.admin)).toEqual([])
  })
})

describe('the history entry', () => {
  it('shows the owner the basis of a refusal but not the reasons between staff', () => {
    expect(apply(ticketIn('submitted'), v.refuse, 'desk')).toMatchObject({
      entry: { note: v.refuse.basis, internalNote: null },
    })
    expect(apply(ticketIn('in_progress'), v.return, 'lead')).toMatchObject({
      entry: { note: null, internalNote: v.return.reason },
    })
  })

  it('shows the owner a unit reply only once the desk approves it', () => {
    const contacted = ticketIn('in_progress', { hasContact: true })
    const review = ticketAfter(apply(contacted, v.reply, 'lead'))
    const approved = apply(review, v.approve_reply, 'desk')
    expect(approved).toMatchObject({
      entry: { note: v.reply.reply },
      ticket: { pendingReply: null },
    })
  })

  it('closes an unrated ticket with rating "none", never "satisfied"', () => {
    expect(apply(ticketIn('replied'), v.auto_close, 'system')).toMatchObject({
      ticket: { status: 'closed', rating: { satisfaction: 'none', resolved: null } },
      entry: { data: { satisfaction: 'none' } },
    })
  })

  it('treats a confidential report exactly like any other', () => {
    for (const status of ['submitted', 'in_progress', 'replied'] as const) {
      for (const actor of Object.values(ACTORS)) {
        for (const event of Object.values(v)) {
          const open = applyEvent(
            { ...ticketIn(status), confidential: false } as MachineTicket,
            event,
            actor,
            FAVOURABLE,
          )
          const secret = applyEvent(
            { ...ticketIn(status), confidential: true } as MachineTicket,
            event,
            actor,
            FAVOURABLE,
          )
          expect(secret.ok ? secret.entry : secret).toEqual(open.ok ? open.entry : open)
        }
      }
    }
  })
})
