// DOMAIN.md wave 2 in the ticket machine: each office at its own level (本级), contact before a
// reply, termination only after a unit handled the ticket and naming earlier tickets, and the
// dispatch clock (分办) after acceptance and after a return.
import { describe, expect, it } from 'vitest'
import type { TicketStatus } from '../contract.js'
import { ACTORS, FAVOURABLE, ticketIn, VALID_EVENTS as v } from '../test/ticket-fixtures.js'
import type { Actor, MachineTicket, TicketEvent } from './ticket-machine.js'
import { allowedEvents, applyEvent } from './ticket-machine.js'

const apply = (ticket: MachineTicket, event: TicketEvent, actor: Actor) =>
  applyEvent(ticket, event, actor, FAVOURABLE)
const refused = (reason: string, field?: string) =>
  field === undefined ? { ok: false, reason } : { ok: false, reason, field }

const regionTicket = (status: TicketStatus, more: Partial<MachineTicket> = {}) =>
  ticketIn(status, { deskDivisionCode: '450000', ...more })

// Each office event, on a ticket in a state that allows it.
const OFFICE_CASES: [string, MachineTicket, TicketEvent][] = [
  ['approve_extension', ticketIn('extension_pending'), v.approve_extension],
  ['deny_extension', ticketIn('extension_pending'), v.deny_extension],
  ['designate_lead', ticketIn('coordinating'), v.designate_lead],
  ['decide', ticketIn('coordinating', { coordinationVia: 'escalate' }), v.decide],
  ['order_rehandle', ticketIn('dissatisfaction_review'), v.order_rehandle],
  ['confirm_closure', ticketIn('dissatisfaction_review'), v.confirm_closure],
  ['terminate', ticketIn('in_progress'), v.terminate],
]

describe('each office at its own level (本级)', () => {
  it.each(OFFICE_CASES)('%s: the city office of the desk only', (_, ticket, event) => {
    expect(apply(ticket, event, ACTORS.office).ok).toBe(true)
    expect(apply(ticket, event, ACTORS.otherCityOffice)).toEqual(refused('not_own_level'))
    expect(apply(ticket, event, ACTORS.regionOffice)).toEqual(refused('not_own_level'))
    expect(apply(ticket, event, { role: 'office' })).toEqual(refused('not_own_level'))
  })

  it.each(OFFICE_CASES)('%s: the region office on a region-desk ticket', (_, ticket, event) => {
    const atRegion = { ...ticket, deskDivisionCode: '450000' }
    expect(apply(atRegion, event, ACTORS.regionOffice).ok).toBe(true)
    expect(apply(atRegion, event, ACTORS.office)).toEqual(refused('not_own_level'))
  })

  it('lets the region office supervise any ticket, a city office only its own', () => {
    const city = ticketIn('in_progress')
    expect(apply(city, v.supervise, ACTORS.regionOffice).ok).toBe(true)
    expect(apply(city, v.supervise, ACTORS.office).ok).toBe(true)
    expect(apply(city, v.supervise, ACTORS.otherCityOffice)).toEqual(refused('not_own_level'))
    expect(apply(regionTicket('in_progress'), v.supervise, ACTORS.office)).toEqual(
      refused('not_own_level'),
    )
  })

  it('offers a city office no office buttons on another level', () => {
    expect(allowedEvents(ticketIn('extension_pending'), ACTORS.office)).toContain(
      'approve_extension',
    )
    expect(allowedEvents(ticketIn('extension_pending'), ACTORS.regionOffice)).toEqual(['supervise'])
    expect(allowedEvents(ticketIn('extension_pending'), ACTORS.otherCityOffice)).toEqual([])
  })

  it('leaves the desk order_rehandle to the desk, whatever the office levels', () => {
    expect(apply(ticketIn('dissatisfaction_review'), v.order_rehandle, ACTORS.desk).ok).toBe(true)
  })
})

describe('contact before reply', () => {
  it('refuses a reply until the lead unit logged a contact or an unreachable attempt', () => {
    const fresh = ticketIn('in_progress')
    expect(apply(fresh, v.reply, ACTORS.lead)).toEqual(refused('no_contact'))
    const attempt: TicketEvent = {
      type: 'contact',
      channel: 'phone',
      summary: '电话无人接听',
      reached: false,
      at: '2026-02-16T09:30:00+08:00',
    }
    const logged = apply(fresh, attempt, ACTORS.lead)
    expect(logged).toMatchObject({
      ok: true,
      ticket: { hasContact: true, status: 'in_progress' },
      entry: { data: { reached: false, at: attempt.at, channel: 'phone' } },
    })
    if (!logged.ok) return
    expect(apply(logged.ticket, v.reply, ACTORS.lead)).toMatchObject({
      ok: true,
      ticket: { status: 'reply_review' },
    })
  })

  it('needs the time of an unreachable attempt', () => {
    const attempt: TicketEvent = {
      type: 'contact',
      channel: 'phone',
      summary: '未接',
      reached: false,
    }
    expect(apply(ticketIn('in_progress'), attempt, ACTORS.lead)).toEqual(
      refused('missing_field', 'at'),
    )
  })

  it('asks a newly dispatched lead unit for its own contact', () => {
    const again = apply(ticketIn('accepted', { hasContact: true }), v.dispatch, ACTORS.desk)
    expect(again).toMatchObject({ ok: true, ticket: { hasContact: false } })
  })
})

describe('termination tied to the record', () => {
  it('is refused before any unit has handled the ticket', () => {
    for (const status of ['accepted', 'coordinating'] as const) {
      const unhandled = ticketIn(status, { wasHandledByUnit: false })
      expect(apply(unhandled, v.terminate, ACTORS.office)).toEqual(refused('not_handled_yet'))
    }
    const signed = apply(ticketIn('dispatched'), v.sign, ACTORS.lead)
    expect(signed).toMatchObject({ ok: true, ticket: { wasHandledByUnit: true } })
  })

  it('names the earlier tickets, which the history keeps', () => {
    const none: TicketEvent = { ...v.terminate, relatedTicketIds: [] }
    expect(apply(ticketIn('in_progress'), none, ACTORS.office)).toEqual(
      refused('missing_field', 'relatedTicketIds'),
    )
    const twice: TicketEvent = { ...v.terminate, relatedTicketIds: ['a', 'a'] }
    expect(apply(ticketIn('in_progress'), twice, ACTORS.office)).toEqual(
      refused('invalid_field', 'relatedTicketIds'),
    )
    expect(apply(ticketIn('in_progress'), v.terminate, ACTORS.office)).toMatchObject({
      entry: { data: { relatedTicketIds: v.terminate.relatedTicketIds } },
    })
  })
})

describe('the dispatch clock (分办)', () => {
  it('starts on acceptance, recording the acceptance result', () => {
    expect(apply(ticketIn('submitted'), v.accept, ACTORS.desk)).toMatchObject({
      clock: { kind: 'start', step: 'dispatch', record: 'acceptance' },
    })
  })

  it('starts again when the lead unit returns the ticket as mis-routed', () => {
    for (const status of ['dispatched', 'in_progress'] as const) {
      expect(apply(ticketIn(status), v.return, ACTORS.lead)).toMatchObject({
        ticket: { status: 'accepted' },
        clock: { kind: 'start', step: 'dispatch' },
      })
    }
  })
})
