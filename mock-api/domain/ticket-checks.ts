/**
 * The checks that TRANSITIONS names: guards on the ticket and the caller's facts, and requirements
 * on the event's data. Blank or malformed data is refused here even though the API's zod schemas
 * catch it first, so the domain is safe on its own.
 */
import { RESOLVED_ANSWERS, SATISFACTION_ANSWERS } from '../contract.js'
import type { Refusal, RefusalReason } from './refusals.js'
import { refuse } from './refusals.js'
import type { EventFacts, MachineTicket } from './ticket-types.js'
import type { Guard, Requirement } from './transitions.js'
import { REGION_CODE, findDivision } from './jurisdiction.js'
import { DEFAULT_REHANDLE_CAP } from './transitions.js'

/** The trimmed text, or null when the value is not a string or is blank. */
export const textOf = (value: unknown): string | null =>
  typeof value === 'string' && value.trim().length > 0 ? value.trim() : null

const GUARDS: Record<Guard, (ticket: MachineTicket, facts: EventFacts) => RefusalReason | null> = {
  city_desk: (t) => (t.deskDivisionCode === REGION_CODE ? 'already_region_desk' : null),
  referred: (t) => (t.coordinationVia === 'refer' ? null : 'not_referred'),
  escalated: (t) => (t.coordinationVia === 'escalate' ? null : 'not_escalated'),
  below_rehandle_cap: (t, f) =>
    t.rehandleCount < (f.rehandleCap ?? DEFAULT_REHANDLE_CAP) ? null : 'rehandle_cap_reached',
  step_overdue: (_, f) => (f.isStepOverdue === true ? null : 'not_overdue'),
  not_urged_today: (_, f) => (f.wasUrgedToday === false ? null : 'already_urged_today'),
  within_return_window: (_, f) => (f.isWithinReturnWindow === true ? null : 'return_window_closed'),
  before_due: (_, f) => (f.isBeforeDue === true ? null : 'past_due'),
  contacted: (t) => (t.hasContact ? null : 'no_contact'),
  handled_by_unit: (t) => (t.wasHandledByUnit ? null : 'not_handled_yet'),
}

export const checkGuard = (
  guard: Guard,
  ticket: MachineTicket,
  facts: EventFacts,
): Refusal | null => {
  const reason = GUARDS[guard](ticket, facts)
  return reason ? refuse(reason) : null
}

type Fields = Readonly<Record<string, unknown>>

const needText =
  (field: string, reason: RefusalReason = 'missing_field') =>
  (event: Fields): Refusal | null =>
    textOf(event[field]) === null ? refuse(reason, field) : null

const needMatch = (field: string, pattern: RegExp) => (event: Fields) => {
  const value = textOf(event[field])
  if (value === null) return refuse('missing_field', field)
  return pattern.test(value) ? null : refuse('invalid_field', field)
}

const isOneOf = (options: readonly string[], value: unknown) =>
  typeof value === 'string' && options.includes(value)

// Exactly one lead unit per dispatched ticket: a co-unit may not also be the lead, nor appear twice.
const checkUnits = (event: Fields): Refusal | null => {
  const lead = event.leadUnitId
  if (textOf(lead) === null) return refuse('missing_field', 'leadUnitId')
  const coUnits: unknown = event.coUnitIds ?? []
  if (!Array.isArray(coUnits)) return refuse('invalid_field', 'coUnitIds')
  const isValid =
    coUnits.every((id: unknown) => textOf(id) !== null && id !== lead) &&
    new Set(coUnits).size === coUnits.length
  return isValid ? null : refuse('invalid_field', 'coUnitIds')
}

const checkRating = (event: Fields): Refusal | null => {
  if (!isOneOf(RESOLVED_ANSWERS, event.resolved)) return refuse('invalid_field', 'resolved')
  if (!isOneOf(SATISFACTION_ANSWERS, event.satisfaction)) {
    return refuse('invalid_field', 'satisfaction')
  }
  return null
}

const checkMaterial = (event: Fields): Refusal | null => {
  const attachments = event.attachmentIds
  const hasAttachments = Array.isArray(attachments) && attachments.length > 0
  return textOf(event.text) !== null || hasAttachments ? null : refuse('missing_field', 'material')
}

/**
 * The desk a transfer goes to: the one named, else the region desk for a city desk's ticket. The
 * region desk must name a city; no desk transfers to itself. Null when there is no valid target.
 */
export function transferTargetOf(ticket: MachineTicket, event: Fields): string | null {
  const named = textOf(event.toDeskDivisionCode)
  if (named === null) return ticket.deskDivisionCode === REGION_CODE ? null : REGION_CODE
  const isDesk = named === REGION_CODE || findDivision(named)?.parent === REGION_CODE
  return isDesk ? named : null
}

// At least one earlier ticket, each named once; the workflow checks they are of the same business.
const checkRelated = (event: Fields): Refusal | null => {
  const ids: unknown = event.relatedTicketIds
  if (!Array.isArray(ids) || ids.length === 0) return refuse('missing_field', 'relatedTicketIds')
  const isValid =
    ids.every((id: unknown) => textOf(id) !== null) && new Set(ids).size === ids.length
  return isValid ? null : refuse('invalid_field', 'relatedTicketIds')
}

// An attempt that did not reach the owner must say when it was made (the channel says how).
const checkAttempt = (event: Fields): Refusal | null => {
  if (event.reached !== undefined && typeof event.reached !== 'boolean') {
    return refuse('invalid_field', 'reached')
  }
  if (event.at !== undefined && textOf(event.at) === null) return refuse('invalid_field', 'at')
  return event.reached === false && event.at === undefined ? refuse('missing_field', 'at') : null
}

const checkTransferTarget = (event: Fields, ticket: MachineTicket): Refusal | null => {
  if (textOf(event.toDeskDivisionCode) === null && ticket.deskDivisionCode === REGION_CODE) {
    return refuse('already_region_desk')
  }
  const target = transferTargetOf(ticket, event)
  if (target === null) return refuse('invalid_field', 'toDeskDivisionCode')
  return target === ticket.deskDivisionCode ? refuse('same_desk') : null
}

const REQUIREMENTS: Record<Requirement, (event: Fields, ticket: MachineTicket) => Refusal | null> =
  {
    basis: needText('basis', 'missing_basis'),
    reason: needText('reason', 'missing_reason'),
    explanation: needText('explanation', 'missing_explanation'),
    note: needText('note'),
    reply: needText('reply'),
    summary: needText('summary'),
    channel: needText('channel'),
    until: needMatch('until', /^\d{4}-\d{2}-\d{2}$/),
    desk: needMatch('deskDivisionCode', /^45\d{4}$/),
    units: checkUnits,
    rating: checkRating,
    material: checkMaterial,
    related: checkRelated,
    attempt: checkAttempt,
    transfer_target: checkTransferTarget,
  }

export const checkRequirement = (
  requirement: Requirement,
  event: Fields,
  ticket: MachineTicket,
): Refusal | null => REQUIREMENTS[requirement](event, ticket)
