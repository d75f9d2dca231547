// Properties of the ticket machine over random event sequences, random actors and random facts.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { DueStep, TicketEventType } from '../contract.js'
import { TERMINAL_STATUSES, TICKET_STATUSES } from '../contract.js'
import {
  ACTORS,
  CO_UNIT,
  DISSATISFIED,
  LEAD,
  OTHER_UNIT,
  VALID_EVENTS,
} from '../test/ticket-fixtures.js'
import type { Actor, EventFacts, MachineTicket, TicketEvent } from './ticket-machine.js'
import { allowedEvents, applyEvent } from './ticket-machine.js'
import type { ClockEffect } from './transitions.js'
import { OPEN_STATE_CLOCKS, TRANSITIONS } from './transitions.js'

const EVENT_TYPES = Object.keys(VALID_EVENTS) as TicketEventType[]
const ACTOR_LIST: Actor[] = [...Object.values(ACTORS), { role: 'unit' }]

const textArb = fc.oneof(fc.constantFrom('', '   ', 'a reason'), fc.string({ maxLength: 6 }))
/** Any event type with any mix of fields, well-formed or not. */
const messyEventArb = fc.record(
  {
    type: fc.constantFrom(...EVENT_TYPES),
    basis: textArb,
    reason: textArb,
    explanation: textArb,
    note: textArb,
    reply: textArb,
    summary: textArb,
    text: textArb,
    channel: fc.constantFrom('phone', 'visit', ''),
    until: fc.constantFrom('2026-03-20', 'soon'),
    leadUnitId: fc.constantFrom(LEAD, CO_UNIT, OTHER_UNIT, ''),
    coUnitIds: fc.subarray([LEAD, CO_UNIT, OTHER_UNIT]),
    deskDivisionCode: fc.constantFrom('450100', '450000', 'x'),
    resolved: fc.constantFrom('yes', 'partly', 'no', 'maybe'),
    satisfaction: fc.constantFrom('satisfied', 'basic', 'dissatisfied'),
    attachmentIds: fc.subarray(['p1', 'p2']),
  },
  { requiredKeys: ['type'] },
) as unknown as fc.Arbitrary<TicketEvent>

const factsArb: fc.Arbitrary<EventFacts> = fc.record({
  isStepOverdue: fc.boolean(),
  wasUrgedToday: fc.boolean(),
  isWithinReturnWindow: fc.boolean(),
  isBeforeDue: fc.boolean(),
  rehandleCap: fc.integer({ min: 0, max: 3 }),
})

const ticketArb: fc.Arbitrary<MachineTicket> = fc.record({
  status: fc.constantFrom(...TICKET_STATUSES),
  deskDivisionCode: fc.constantFrom('450100', '450000'),
  leadUnitId: fc.constantFrom(LEAD, null),
  coUnitIds: fc.subarray([CO_UNIT, OTHER_UNIT]),
  rehandleCount: fc.integer({ min: 0, max: 3 }),
  coordinationVia: fc.constantFrom('refer' as const, 'escalate' as const, null),
  isSupervised: fc.boolean(),
  hasContact: fc.boolean(),
  wasHandledByUnit: fc.boolean(),
  requestedUntil: fc.constantFrom(null, '2026-03-20'),
  pendingReply: fc.constantFrom(null, 'A reply'),
  rating: fc.constantFrom(null, {
    resolved: 'yes' as const,
    satisfaction: 'satisfied' as const,
    reason: null,
  }),
})

/** A random step: anything at all, or (guided) one that some actor may take now. */
const stepArb = fc.record({
  guided: fc.noBias(fc.integer({ min: 0, max: 3 })).map((n) => n > 0),
  pick: fc.noBias(fc.nat()),
  mayEnd: fc.noBias(fc.integer({ min: 0, max: 4 })).map((n) => n === 0),
  mayFlag: fc.noBias(fc.integer({ min: 0, max: 4 })).map((n) => n === 0),
  isDissatisfied: fc.boolean(),
  event: messyEventArb,
  actor: fc.constantFrom(...ACTOR_LIST),
  facts: factsArb,
})

// Steering walks away from endings and from flags (which keep the status) most of the time lets
// them reach the deep states.
const ENDINGS: TicketEventType[] = ['withdraw', 'refuse', 'answer', 'terminate', 'confirm_closure']
const FLAGS: TicketEventType[] = ['supervise', 'urge', 'add_material', 'contact', 'transfer']

// A well-formed transfer names its desk: the region desk may only send a ticket down to a city
// desk it names (issue 16), and Liuzhou is neither of the arbitrary tickets' desks.
const WELL_FORMED_TRANSFER: TicketEvent = { ...VALID_EVENTS.transfer, toDeskDivisionCode: '450200' }

const validEvent = (type: TicketEventType, isDissatisfied: boolean): TicketEvent => {
  if (isDissatisfied && (type === 'rate' || type === 'record_rating'))
    return { ...DISSATISFIED, type }
  return type === 'transfer' ? WELL_FORMED_TRANSFER : VALID_EVENTS[type]
}

type Choice = {
  pick: number
  facts: EventFacts
  isDissatisfied: boolean
  mayEnd: boolean
  mayFlag: boolean
}

/** One of the (actor, event) pairs allowed now, or null when nobody may act. */
const guidedStep = (ticket: MachineTicket, choice: Choice): [TicketEvent, Actor] | null => {
  const pairs = ACTOR_LIST.flatMap((actor) =>
    allowedEvents(ticket, actor, choice.facts)
      .filter((type) => choice.mayEnd || !ENDINGS.includes(type))
      .filter((type) => choice.mayFlag || !FLAGS.includes(type))
      .map((type) => [actor, type] as const),
  )
  const pair = pairs[choice.pick % Math.max(pairs.length, 1)]
  return pair ? [validEvent(pair[1], choice.isDissatisfied), pair[0]] : null
}

const submitted = (() => {
  const result = applyEvent(null, VALID_EVENTS.submit, ACTORS.owner)
  if (!result.ok) throw new Error('submit refused')
  return result.ticket
})()

const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze)
    Object.freeze(value)
  }
  return value
}

describe('the ticket machine, on random sequences', () => {
  it('stays inside the statuses and takes only transitions that are rows of the table', () => {
    const reached = new Set<string>()
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 40, size: 'max' }), (steps) => {
        let ticket = submitted
        for (const step of steps) {
          const guided = step.guided ? guidedStep(ticket, step) : null
          const [event, actor] = guided ?? [step.event, step.actor]
          const result = applyEvent(ticket, event, actor, step.facts)
          if (!result.ok) continue
          const { status: from } = ticket
          const to = result.ticket.status
          expect(TICKET_STATUSES).toContain(to)
          expect(result.entry).toMatchObject({ type: event.type, from, to, role: actor.role })
          const matching = TRANSITIONS.filter(
            (row) =>
              row.event === event.type &&
              row.from.includes(from) &&
              row.roles.includes(actor.role) &&
              (row.to === 'unchanged' ? to === from : to === row.to),
          )
          expect(matching.map((row) => row.clock)).toContainEqual(result.clock)
          ticket = result.ticket
          reached.add(to)
        }
      }),
      { numRuns: 250 },
    )
    expect([...reached].sort()).toEqual([...TICKET_STATUSES].sort())
  })

  it('refuses every event in a terminal state', () => {
    const terminalTicket = ticketArb.chain((t) =>
      fc.constantFrom(...TERMINAL_STATUSES).map((status) => ({ ...t, status })),
    )
    const eventArb = fc.oneof(messyEventArb, fc.constantFrom(...Object.values(VALID_EVENTS)))
    fc.assert(
      fc.property(
        terminalTicket,
        eventArb,
        fc.constantFrom(...ACTOR_LIST),
        factsArb,
        (t, e, a, f) => {
          expect(applyEvent(t, e, a, f)).toEqual({ ok: false, reason: 'terminal' })
          expect(allowedEvents(t, a, f)).toEqual([])
        },
      ),
    )
  })

  it('never lets the re-handle count pass the cap', () => {
    let reachedCap = 0
    const choiceArb = fc.record({
      pick: fc.noBias(fc.nat()),
      facts: factsArb,
      isDissatisfied: fc.constant(true),
      mayEnd: fc.constant(false),
      mayFlag: fc.boolean(),
    })
    const walk = fc.record({
      cap: fc.integer({ min: 1, max: 3 }),
      choices: fc.array(choiceArb, { minLength: 20, maxLength: 60, size: 'max' }),
    })
    fc.assert(
      fc.property(walk, ({ cap, choices }) => {
        let ticket = submitted
        for (const choice of choices) {
          const facts = { ...choice.facts, rehandleCap: cap }
          const step = guidedStep(ticket, { ...choice, facts })
          if (!step) break
          const result = applyEvent(ticket, step[0], step[1], facts)
          if (result.ok) ticket = result.ticket
          expect(ticket.rehandleCount).toBeLessThanOrEqual(cap)
        }
        if (ticket.rehandleCount === cap) reachedCap += 1
      }),
      { numRuns: 100 },
    )
    expect(reachedCap).toBeGreaterThan(0)
  })

  it('is pure: frozen inputs stay as they were, and the same inputs give the same answer', () => {
    fc.assert(
      fc.property(ticketArb, messyEventArb, factsArb, fc.boolean(), (t, messy, f, d) => {
        const events = [messy, ...EVENT_TYPES.map((type) => validEvent(type, d))]
        for (const a of ACTOR_LIST) {
          for (const e of events) {
            const before = structuredClone({ t, e, a, f })
            const inputs = deepFreeze(structuredClone(before))
            const result = applyEvent(inputs.t, inputs.e, inputs.a, inputs.f)
            expect(inputs).toEqual(before)
            expect(applyEvent(inputs.t, inputs.e, inputs.a, inputs.f)).toEqual(result)
            if (!result.ok) expect(result).not.toHaveProperty('ticket')
          }
        }
      }),
      { numRuns: 60 },
    )
  })

  it('offers exactly the events that a well-formed request would be allowed', () => {
    fc.assert(
      fc.property(
        ticketArb,
        fc.constantFrom(...ACTOR_LIST),
        factsArb,
        fc.boolean(),
        (t, a, f, d) => {
          const allowed = allowedEvents(t, a, f)
          for (const type of EVENT_TYPES) {
            expect(applyEvent(t, validEvent(type, d), a, f).ok).toBe(allowed.includes(type))
          }
        },
      ),
    )
  })

  it('never leaves an open ticket without a due step (DOMAIN.md: every open ticket on a clock)', () => {
    // The step a clock effect leaves running, given the one before: what the workflow stores.
    const nextStep = (current: DueStep | null, clock: ClockEffect): DueStep | null => {
      if (clock.kind === 'start') return clock.step
      if (clock.kind === 'stop') return null
      return current
    }
    const seen = new Set<string>()
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 40, size: 'max' }), (steps) => {
        let ticket = submitted
        let step: DueStep | null = 'acceptance'
        for (const choice of steps) {
          const guided = choice.guided ? guidedStep(ticket, choice) : null
          const [event, actor] = guided ?? [choice.event, choice.actor]
          const result = applyEvent(ticket, event, actor, choice.facts)
          if (!result.ok) continue
          ticket = result.ticket
          step = nextStep(step, result.clock)
          if (TERMINAL_STATUSES.includes(ticket.status)) break
          const allowed: readonly DueStep[] =
            OPEN_STATE_CLOCKS[ticket.status as keyof typeof OPEN_STATE_CLOCKS]
          expect(step, `${event.type} into ${ticket.status}`).not.toBeNull()
          expect(allowed).toContain(step)
          seen.add(`${ticket.status}:${step}`)
        }
      }),
      { numRuns: 250 },
    )
    // The walks reached every open state, so each one was checked.
    const statesSeen = new Set([...seen].map((key) => key.split(':')[0]))
    expect([...statesSeen].sort()).toEqual(Object.keys(OPEN_STATE_CLOCKS).sort())
  })
})
