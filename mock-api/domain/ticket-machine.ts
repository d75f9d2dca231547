/**
 * The ticket lifecycle: applies one event to a ticket by reading TRANSITIONS. Pure and
 * time-agnostic: what depends on the calendar (overdue, the return window, before due) comes in as
 * EventFacts, and the clock change goes out as data for the workflow to date with the calendar.
 * Inputs are never mutated and a refusal changes nothing. The machine never sees who the owner is,
 * so confidential reports follow exactly the same rules.
 */
import type { TicketEventType, TicketStatus } from '../contract.js'
import { TERMINAL_STATUSES } from '../contract.js'
import type { Refusal } from './refusals.js'
import type { Actor, EventFacts, HistoryDraft, MachineTicket, TicketEvent } from './ticket-types.js'
import { refuse } from './refusals.js'
import { REGION_CODE } from './jurisdiction.js'
import { checkGuard, checkRequirement } from './ticket-checks.js'
import type { EffectOf } from './ticket-effects.js'
import { EFFECTS } from './ticket-effects.js'
import type { ClockEffect, TransitionRow } from './transitions.js'
import { TRANSITIONS } from './transitions.js'

export type {
  TicketRating,
  MachineTicket,
  OwnerEvent,
  SystemEvent,
  TicketEvent,
  Actor,
  EventFacts,
  HistoryData,
  HistoryDraft,
} from './ticket-types.js'

export type Transition = {
  ok: true
  ticket: MachineTicket
  entry: HistoryDraft
  clock: ClockEffect
}

const BLANK_TICKET: MachineTicket = {
  status: 'submitted',
  deskDivisionCode: '',
  leadUnitId: null,
  coUnitIds: [],
  rehandleCount: 0,
  coordinationVia: null,
  isSupervised: false,
  hasContact: false,
  wasHandledByUnit: false,
  requestedUntil: null,
  pendingReply: null,
  rating: null,
}

export const isTerminal = (status: TicketStatus): boolean => TERMINAL_STATUSES.includes(status)

const ROWS_BY_EVENT = new Map<TicketEventType, TransitionRow[]>()
for (const row of TRANSITIONS) {
  ROWS_BY_EVENT.set(row.event, [...(ROWS_BY_EVENT.get(row.event) ?? []), row])
}

type Admission = { ok: true; rows: readonly TransitionRow[] } | Refusal

// 本级: an office acts on the tickets of its own desk's level; the region office may also
// supervise any ticket. An office without a division has no level and acts on none.
const isOfficeLevel = (row: TransitionRow, ticket: MachineTicket, actor: Actor): boolean => {
  const own = actor.divisionCode ?? null
  if (own === null) return false
  if (own === ticket.deskDivisionCode) return true
  return row.officeLevel === 'own_or_region' && own === REGION_CODE
}

// Rows of one event differ only in outcome and target, so role, unit and guards are read once.
function admit(
  ticket: MachineTicket | null,
  type: TicketEventType,
  actor: Actor,
  facts: EventFacts,
): Admission {
  if (ticket && isTerminal(ticket.status)) return refuse('terminal')
  const rows = ROWS_BY_EVENT.get(type) ?? []
  const [first] = rows
  if (!first) return refuse('unknown_event')
  if (!first.roles.includes(actor.role)) return refuse('wrong_role')
  const status = ticket?.status ?? null
  const inState = rows.filter((row) => row.from.includes(status))
  if (inState.length === 0) return refuse('wrong_state')
  const base = ticket ?? BLANK_TICKET
  if (actor.role === 'unit' && first.units) {
    const isLead = base.leadUnitId !== null && actor.unitId === base.leadUnitId
    const isCoUnit = typeof actor.unitId === 'string' && base.coUnitIds.includes(actor.unitId)
    if (first.units === 'lead' && !isLead) return refuse('not_lead_unit')
    if (!isLead && !isCoUnit) return refuse('not_assigned_unit')
  }
  if (actor.role === 'office' && !isOfficeLevel(first, base, actor)) return refuse('not_own_level')
  for (const guard of first.guards ?? []) {
    const refusal = checkGuard(guard, base, facts)
    if (refusal) return refusal
  }
  return { ok: true, rows: inState }
}

const outcomeOf = (event: TicketEvent) =>
  event.type === 'rate' || event.type === 'record_rating'
    ? event.satisfaction === 'dissatisfied'
      ? 'dissatisfied'
      : 'satisfied'
    : undefined

/**
 * Applies one event. `ticket` is null only for `submit`. Returns the new ticket, the history entry
 * and the clock effect of the matching table row, or the first reason the event is refused.
 */
export function applyEvent(
  ticket: MachineTicket | null,
  event: TicketEvent,
  actor: Actor,
  facts: EventFacts = {},
): Transition | Refusal {
  const admission = admit(ticket, event.type, actor, facts)
  if (!admission.ok) return admission
  const outcome = outcomeOf(event)
  const row = admission.rows.find((r) => r.outcome === outcome)
  if (!row) return refuse('wrong_state')
  const base = ticket ?? BLANK_TICKET
  for (const requirement of row.requires ?? []) {
    const refusal = checkRequirement(requirement, event, base)
    if (refusal) return refusal
  }
  const effect = (EFFECTS[event.type] as EffectOf<TicketEvent>)(base, event, actor)
  const to = row.to === 'unchanged' ? base.status : row.to
  const entry: HistoryDraft = {
    type: event.type,
    from: ticket?.status ?? null,
    to,
    role: actor.role,
    note: effect.note ?? null,
    internalNote: effect.internalNote ?? null,
    data: effect.data ?? {},
  }
  return { ok: true, ticket: { ...base, ...effect.ticket, status: to }, entry, clock: row.clock }
}

const EVENT_TYPES = [...ROWS_BY_EVENT.keys()]
const HOPEFUL_FACTS: EventFacts = {
  isStepOverdue: true,
  wasUrgedToday: false,
  isWithinReturnWindow: true,
  isBeforeDue: true,
}

/**
 * The event types this actor may raise on this ticket now, for the staff console's buttons.
 * Facts not given are assumed to allow the event; applyEvent still decides with the real ones.
 * Event data (a basis, a reason) is not checked here.
 */
export const allowedEvents = (
  ticket: MachineTicket | null,
  actor: Actor,
  facts: EventFacts = {},
): TicketEventType[] =>
  EVENT_TYPES.filter((type) => admit(ticket, type, actor, { ...HOPEFUL_FACTS, ...facts }).ok)
