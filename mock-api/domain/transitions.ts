/**
 * DOMAIN.md's ticket lifecycle table as data. One row per (event, outcome): the states it may
 * start from, the roles that may raise it, where it leads and what it does to the clock. `null` in
 * `from` means "no ticket yet" (submit). `to: 'unchanged'` marks a flag event that keeps the state.
 * Guards and requirements name checks that ticket-machine.ts runs; they hold no logic here.
 */
import type { DueStep, Role, TicketEventType, TicketStatus } from '../contract.js'

/** What the route must do with the ticket's due time; the calendar module computes the dates. */
export type ClockEffect =
  | { kind: 'keep' }
  /**
   * Replace the current due with a fresh one for this step, counted from now; with `record`, first
   * store whether that step was met on time or late.
   */
  | { kind: 'start'; step: DueStep; record?: DueStep }
  /** Clear the due; with `record`, first store whether that step was met on time or late. */
  | { kind: 'stop'; record?: DueStep }
  /** Store whether the step was met on time or late, and keep the due (a reply under review). */
  | { kind: 'record'; step: DueStep }
  /** The approved extension date (the entry's `data.until`) becomes the handling due. */
  | { kind: 'extend' }

/** Which units may raise a unit event: the lead unit only, or the lead and its co-units. */
export type UnitScope = 'lead' | 'assigned'

export type Guard =
  | 'city_desk'
  | 'referred'
  | 'escalated'
  | 'below_rehandle_cap'
  | 'step_overdue'
  | 'not_urged_today'
  | 'within_return_window'
  | 'before_due'
  /** The lead unit logged a contact with the owner, or an unreachable attempt, since dispatch. */
  | 'contacted'
  /** A unit has signed for the ticket at some point (termination needs a handled record). */
  | 'handled_by_unit'

/** Event fields that must be present (non-blank) for the event to be accepted. */
export type Requirement =
  | 'basis'
  | 'reason'
  | 'explanation'
  | 'note'
  | 'reply'
  | 'summary'
  | 'channel'
  | 'until'
  | 'units'
  | 'desk'
  | 'rating'
  | 'material'
  | 'transfer_target'
  | 'related'
  | 'attempt'

export type RatingOutcome = 'satisfied' | 'dissatisfied'

/**
 * Which offices may raise an office event (DOMAIN.md 本级): by default only the office of the
 * ticket's level (the desk's division); `own_or_region` also lets the region office act on any.
 */
export type OfficeLevel = 'own' | 'own_or_region'

export type TransitionRow = {
  event: TicketEventType
  outcome?: RatingOutcome
  from: readonly (TicketStatus | null)[]
  roles: readonly Role[]
  units?: UnitScope
  to: TicketStatus | 'unchanged'
  clock: ClockEffect
  guards?: readonly Guard[]
  requires?: readonly Requirement[]
  /** For an office raising it; `own` when absent. */
  officeLevel?: OfficeLevel
}

export const DEFAULT_REHANDLE_CAP = 2

export const OPEN_AFTER_ACCEPTANCE: readonly TicketStatus[] = [
  'accepted',
  'dispatched',
  'in_progress',
  'replied',
  'coordinating',
  'extension_pending',
  'reply_review',
  'dissatisfaction_review',
]
export const OPEN_STATUSES: readonly TicketStatus[] = ['submitted', ...OPEN_AFTER_ACCEPTANCE]

const KEEP: ClockEffect = { kind: 'keep' }
const STOP: ClockEffect = { kind: 'stop' }
const start = (step: DueStep): ClockEffect => ({ kind: 'start', step })
const DESK: readonly Role[] = ['desk']
const OFFICE: readonly Role[] = ['office']
const DESK_OR_OFFICE: readonly Role[] = ['desk', 'office']
const RECORD_HANDLING: ClockEffect = { kind: 'record', step: 'handling' }
// A re-handle gets a new handling clock of the category's full length.
const RESTART = start('handling')
const LEAD_UNIT = { roles: ['unit'], units: 'lead' } as const

type Who = readonly Role[] | { roles: readonly Role[]; units: UnitScope }
type Extra = Pick<TransitionRow, 'guards' | 'requires' | 'outcome' | 'officeLevel'>

const row = (
  event: TicketEventType,
  from: TransitionRow['from'],
  who: Who,
  to: TransitionRow['to'],
  clock: ClockEffect,
  extra: Extra = {},
): TransitionRow => ({
  event,
  from,
  ...('units' in who ? who : { roles: who }),
  to,
  clock,
  ...extra,
})

const ratingRows = (event: 'rate' | 'record_rating', who: readonly Role[]): TransitionRow[] => [
  row(event, ['replied'], who, 'closed', STOP, { outcome: 'satisfied', requires: ['rating'] }),
  row(event, ['replied'], who, 'dissatisfaction_review', start('review'), {
    outcome: 'dissatisfied',
    requires: ['rating', 'reason'],
  }),
]

export const TRANSITIONS: readonly TransitionRow[] = [
  row(
    'submit',
    [null],
    ['owner', 'desk', 'window', 'workstation'],
    'submitted',
    start('acceptance'),
    {
      requires: ['desk'],
    },
  ),
  row('withdraw', ['submitted'], ['owner'], 'withdrawn', STOP),
  // Any desk to any other (city → region, region → city, city → city), always with a reason.
  row('transfer', ['submitted'], DESK, 'submitted', KEEP, {
    requires: ['note', 'transfer_target'],
  }),
  row('refuse', ['submitted'], DESK, 'not_accepted', STOP, { requires: ['basis'] }),
  // No accepted ticket waits without a clock: the desk has 1 working day to dispatch (分办).
  row('accept', ['submitted'], DESK, 'accepted', {
    kind: 'start',
    step: 'dispatch',
    record: 'acceptance',
  }),
  row('answer', ['accepted'], DESK, 'replied', start('rating'), { requires: ['reply'] }),
  row('dispatch', ['accepted'], DESK, 'dispatched', start('handling'), { requires: ['units'] }),
  row('refer', ['accepted'], DESK, 'coordinating', start('coordination'), { requires: ['note'] }),
  row('designate_lead', ['coordinating'], OFFICE, 'dispatched', start('handling'), {
    guards: ['referred'],
    requires: ['units'],
  }),
  row('sign', ['dispatched'], LEAD_UNIT, 'in_progress', KEEP),
  row('return', ['dispatched', 'in_progress'], LEAD_UNIT, 'accepted', start('dispatch'), {
    guards: ['within_return_window'],
    requires: ['reason'],
  }),
  row('contact', ['in_progress'], { roles: ['unit'], units: 'assigned' }, 'in_progress', KEEP, {
    requires: ['channel', 'summary', 'attempt'],
  }),
  row('request_extension', ['in_progress'], LEAD_UNIT, 'extension_pending', KEEP, {
    guards: ['before_due'],
    requires: ['reason', 'until'],
  }),
  row('approve_extension', ['extension_pending'], OFFICE, 'in_progress', { kind: 'extend' }),
  row('deny_extension', ['extension_pending'], OFFICE, 'in_progress', KEEP, {
    requires: ['reason'],
  }),
  row('escalate', ['in_progress'], LEAD_UNIT, 'coordinating', KEEP, { requires: ['reason'] }),
  row('decide', ['coordinating'], OFFICE, 'in_progress', KEEP, {
    guards: ['escalated'],
    requires: ['note'],
  }),
  row('reply', ['in_progress'], LEAD_UNIT, 'reply_review', RECORD_HANDLING, {
    guards: ['contacted'],
    requires: ['reply'],
  }),
  row('approve_reply', ['reply_review'], DESK, 'replied', start('rating')),
  row('send_back', ['reply_review'], DESK, 'in_progress', KEEP, { requires: ['reason'] }),
  ...ratingRows('rate', ['owner']),
  ...ratingRows('record_rating', DESK),
  row('order_rehandle', ['dissatisfaction_review'], DESK_OR_OFFICE, 'in_progress', RESTART, {
    guards: ['below_rehandle_cap'],
    requires: ['reason'],
  }),
  row('confirm_closure', ['dissatisfaction_review'], OFFICE, 'closed', STOP, {
    requires: ['note'],
  }),
  row('auto_close', ['replied'], ['system'], 'closed', STOP),
  row('terminate', OPEN_AFTER_ACCEPTANCE, OFFICE, 'terminated', STOP, {
    guards: ['handled_by_unit'],
    requires: ['explanation', 'related'],
  }),
  row('supervise', OPEN_STATUSES, OFFICE, 'unchanged', KEEP, {
    requires: ['note'],
    officeLevel: 'own_or_region',
  }),
  row('urge', OPEN_STATUSES, ['owner'], 'unchanged', KEEP, {
    guards: ['step_overdue', 'not_urged_today'],
  }),
  row('add_material', OPEN_STATUSES, ['owner'], 'unchanged', KEEP, { requires: ['material'] }),
]

/**
 * The clock each open state runs on (DOMAIN.md: no open ticket without a due step). Several
 * steps where the road into the state decides: a referred ticket waits on the office's
 * coordination clock, an escalated one keeps its handling clock. `extension_pending` keeps the
 * handling clock running while the office decides; a reply under review keeps it too (the
 * handling result is recorded, the due stays until the desk approves). The property test walks
 * the machine and checks every open state it reaches against this table.
 */
type OpenStatus = Exclude<TicketStatus, 'closed' | 'not_accepted' | 'withdrawn' | 'terminated'>

export const OPEN_STATE_CLOCKS: Readonly<Record<OpenStatus, readonly DueStep[]>> = {
  submitted: ['acceptance'],
  accepted: ['dispatch'],
  dispatched: ['handling'],
  in_progress: ['handling'],
  coordinating: ['coordination', 'handling'],
  extension_pending: ['handling'],
  reply_review: ['handling'],
  replied: ['rating'],
  dissatisfaction_review: ['review'],
}
