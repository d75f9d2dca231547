// DOMAIN.md's lifecycle table, written out again by hand so that a wrong row in TRANSITIONS fails.
import { describe, expect, it } from 'vitest'
import type { DueStep, Role, TicketEventType, TicketStatus } from '../contract.js'
import { TICKET_STATUSES, TERMINAL_STATUSES } from '../contract.js'
import type { ActorName } from '../test/ticket-fixtures.js'
import {
  ACTORS,
  DISSATISFIED,
  FAVOURABLE,
  ticketIn,
  VALID_EVENTS,
} from '../test/ticket-fixtures.js'
import type { MachineTicket, TicketEvent } from './ticket-machine.js'
import { applyEvent } from './ticket-machine.js'
import type { ClockEffect } from './transitions.js'
import { TRANSITIONS } from './transitions.js'

type Case = {
  from: TicketStatus | null
  event: TicketEvent
  by: ActorName
  to: TicketStatus
  clock: ClockEffect
  ticket?: Partial<MachineTicket>
}

const KEEP: ClockEffect = { kind: 'keep' }
const STOP: ClockEffect = { kind: 'stop' }
const start = (step: DueStep) => ({ kind: 'start', step }) as const
const v = VALID_EVENTS
const OPEN_AFTER_ACCEPTANCE: TicketStatus[] = [
  'accepted',
  'dispatched',
  'in_progress',
  'replied',
  'coordinating',
  'extension_pending',
  'reply_review',
  'dissatisfaction_review',
]
const OPEN: TicketStatus[] = ['submitted', ...OPEN_AFTER_ACCEPTANCE]
const dissatisfiedByDesk = { ...DISSATISFIED, type: 'record_rating' } as const

const row = (
  ...[from, event, by, to, clock, ticket]: [
    Case['from'],
    TicketEvent,
    ActorName,
    TicketStatus,
    ClockEffect,
    Partial<MachineTicket>?,
  ]
): Case => ({ from, event, by, to, clock, ...(ticket ? { ticket } : {}) })

const DOMAIN_TABLE: Case[] = [
  row(null, v.submit, 'owner', 'submitted', start('acceptance')),
  row(null, v.submit, 'desk', 'submitted', start('acceptance')),
  row('submitted', v.withdraw, 'owner', 'withdrawn', STOP),
  row('submitted', v.transfer, 'desk', 'submitted', KEEP),
  row('submitted', v.refuse, 'desk', 'not_accepted', STOP),
  row('submitted', v.accept, 'desk', 'accepted', {
    kind: 'start',
    step: 'dispatch',
    record: 'acceptance',
  }),
  row('accepted', v.answer, 'desk', 'replied', start('rating')),
  row('accepted', v.dispatch, 'desk', 'dispatched', start('handling')),
  row('accepted', v.refer, 'desk', 'coordinating', start('coordination')),
  row('coordinating', v.designate_lead, 'office', 'dispatched', start('handling')),
  row('dispatched', v.sign, 'lead', 'in_progress', KEEP),
  row('dispatched', v.return, 'lead', 'accepted', start('dispatch')),
  row('in_progress', v.return, 'lead', 'accepted', start('dispatch')),
  row('in_progress', v.contact, 'lead', 'in_progress', KEEP),
  row('in_progress', v.request_extension, 'lead', 'extension_pending', KEEP),
  row('extension_pending', v.approve_extension, 'office', 'in_progress', { kind: 'extend' }),
  row('extension_pending', v.deny_extension, 'office', 'in_progress', KEEP),
  row('in_progress', v.escalate, 'lead', 'coordinating', KEEP),
  row('coordinating', v.decide, 'office', 'in_progress', KEEP, { coordinationVia: 'escalate' }),
  // Submit reply "only after a logged contact or unreachable attempt".
  row(
    'in_progress',
    v.reply,
    'lead',
    'reply_review',
    { kind: 'record', step: 'handling' },
    {
      hasContact: true,
    },
  ),
  row('reply_review', v.approve_reply, 'desk', 'replied', start('rating')),
  row('reply_review', v.send_back, 'desk', 'in_progress', KEEP),
  row('replied', v.rate, 'owner', 'closed', STOP),
  row('replied', { ...v.rate, satisfaction: 'basic' }, 'owner', 'closed', STOP),
  row('replied', DISSATISFIED, 'owner', 'dissatisfaction_review', start('review')),
  row('replied', v.record_rating, 'desk', 'closed', STOP),
  row('replied', dissatisfiedByDesk, 'desk', 'dissatisfaction_review', start('review')),
  row('dissatisfaction_review', v.order_rehandle, 'desk', 'in_progress', start('handling')),
  row('dissatisfaction_review', v.order_rehandle, 'office', 'in_progress', start('handling')),
  row('dissatisfaction_review', v.confirm_closure, 'office', 'closed', STOP),
  row('replied', v.auto_close, 'system', 'closed', STOP),
  // "Any open state after a unit has handled it": a ticket returned or referred after signing.
  ...OPEN_AFTER_ACCEPTANCE.map((s) =>
    row(s, v.terminate, 'office', 'terminated', STOP, { wasHandledByUnit: true }),
  ),
  ...OPEN.map((s) => row(s, v.supervise, 'office', s, KEEP)),
  ...OPEN.map((s) => row(s, v.urge, 'owner', s, KEEP)),
  ...OPEN.map((s) => row(s, v.add_material, 'owner', s, KEEP)),
]

const casesOf = (type: TicketEventType) => DOMAIN_TABLE.filter((c) => c.event.type === type)
const rolesOf = (type: TicketEventType): Role[] => casesOf(type).map((c) => ACTORS[c.by].role)
const fromsOf = (type: TicketEventType) => casesOf(type).map((c) => c.from)
const EVENT_TYPES = [...new Set(DOMAIN_TABLE.map((c) => c.event.type))]
const label = (c: Case) => `${c.from ?? '(none)'} --${c.event.type}/${c.by}--> ${c.to}`
const ticketFor = (c: Pick<Case, 'from' | 'ticket'>) =>
  c.from === null ? null : ticketIn(c.from, c.ticket)

describe('the lifecycle table of DOMAIN.md', () => {
  it.each(DOMAIN_TABLE.map((c) => [label(c), c] as const))('%s', (_, c) => {
    const result = applyEvent(ticketFor(c), c.event, ACTORS[c.by], FAVOURABLE)
    expect(result).toMatchObject({ ok: true, ticket: { status: c.to }, clock: c.clock })
    expect(result.ok && result.entry).toMatchObject({
      type: c.event.type,
      from: c.from,
      to: c.to,
      role: ACTORS[c.by].role,
    })
  })

  it.each(EVENT_TYPES)('refuses %s from every role the table does not name', (type) => {
    const [sample] = casesOf(type)
    const allowed = rolesOf(type)
    const others = Object.values(ACTORS).filter((actor) => !allowed.includes(actor.role))
    expect(others.length).toBeGreaterThan(0)
    for (const actor of others) {
      expect(applyEvent(ticketFor(sample!), sample!.event, actor, FAVOURABLE)).toEqual({
        ok: false,
        reason: 'wrong_role',
      })
    }
  })

  it.each(EVENT_TYPES)('refuses %s in every state the table does not name', (type) => {
    const [sample] = casesOf(type)
    const froms = fromsOf(type)
    const others = [null, ...TICKET_STATUSES].filter((s) => !froms.includes(s))
    for (const status of others) {
      const ticket = status === null ? null : ticketIn(status)
      const isTerminal = status !== null && TERMINAL_STATUSES.includes(status)
      expect(applyEvent(ticket, sample!.event, ACTORS[sample!.by], FAVOURABLE)).toEqual({
        ok: false,
        reason: isTerminal ? 'terminal' : 'wrong_state',
      })
    }
  })

  it('has no row that the table of DOMAIN.md does not have, and misses none', () => {
    const spec = new Set(DOMAIN_TABLE.map((c) => `${c.from}|${c.event.type}|${c.to}`))
    const rows = new Set(
      TRANSITIONS.flatMap((r) =>
        r.from.map((from) => `${from}|${r.event}|${r.to === 'unchanged' ? from : r.to}`),
      ),
    )
    expect([...rows].sort()).toEqual([...spec].sort())
  })

  it('gives the rows of one event the same roles, units and guards', () => {
    for (const type of EVENT_TYPES) {
      const rows = TRANSITIONS.filter((r) => r.event === type)
      const shared = rows.map((r) => JSON.stringify([r.roles, r.units, r.guards, r.from]))
      expect(new Set(shared).size).toBe(1)
    }
  })
})
