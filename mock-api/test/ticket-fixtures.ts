// Shared fixtures for the ticket machine's tests: a ticket in any state, the actors, and one valid
// event of each type.
import type { TicketEventType, TicketStatus } from '../contract.js'
import type { Actor, EventFacts, MachineTicket, TicketEvent } from '../domain/ticket-machine.js'

export const LEAD = 'unit-lead'
export const CO_UNIT = 'unit-co'
export const OTHER_UNIT = 'unit-other'
export const CITY_DESK = '450100'

export const ACTORS = {
  owner: { role: 'owner' },
  desk: { role: 'desk' },
  lead: { role: 'unit', unitId: LEAD },
  coUnit: { role: 'unit', unitId: CO_UNIT },
  otherUnit: { role: 'unit', unitId: OTHER_UNIT },
  office: { role: 'office', divisionCode: CITY_DESK },
  regionOffice: { role: 'office', divisionCode: '450000' },
  otherCityOffice: { role: 'office', divisionCode: '450200' },
  admin: { role: 'admin' },
  system: { role: 'system' },
} as const satisfies Record<string, Actor>
export type ActorName = keyof typeof ACTORS

/** Every time-dependent fact stated in the event's favour. */
export const FAVOURABLE: EventFacts = {
  isStepOverdue: true,
  wasUrgedToday: false,
  isWithinReturnWindow: true,
  isBeforeDue: true,
}

const HAS_UNITS: readonly TicketStatus[] = [
  'dispatched',
  'in_progress',
  'extension_pending',
  'reply_review',
  'replied',
  'dissatisfaction_review',
  'closed',
  'terminated',
]

export const ticketIn = (
  status: TicketStatus,
  overrides: Partial<MachineTicket> = {},
): MachineTicket => ({
  status,
  deskDivisionCode: CITY_DESK,
  leadUnitId: HAS_UNITS.includes(status) ? LEAD : null,
  coUnitIds: HAS_UNITS.includes(status) ? [CO_UNIT] : [],
  rehandleCount: 0,
  coordinationVia: status === 'coordinating' ? 'refer' : null,
  isSupervised: false,
  hasContact: false,
  // A ticket past dispatch was signed for by a unit.
  wasHandledByUnit: HAS_UNITS.includes(status),
  requestedUntil: status === 'extension_pending' ? '2026-03-20' : null,
  pendingReply: status === 'reply_review' ? 'The licence was issued on 3 March.' : null,
  rating: null,
  ...overrides,
})

export const VALID_EVENTS: { [K in TicketEventType]: Extract<TicketEvent, { type: K }> } = {
  submit: { type: 'submit', deskDivisionCode: CITY_DESK },
  withdraw: { type: 'withdraw', reason: 'Solved by myself' },
  transfer: { type: 'transfer', note: 'Spans Nanning and Liuzhou' },
  refuse: { type: 'refuse', basis: 'A private consumer dispute: call 12315' },
  accept: { type: 'accept' },
  answer: { type: 'answer', reply: 'The subsidy form is on the bureau site.' },
  dispatch: { type: 'dispatch', leadUnitId: LEAD, coUnitIds: [CO_UNIT] },
  refer: { type: 'refer', note: 'Two bureaus disclaim the duty' },
  designate_lead: { type: 'designate_lead', leadUnitId: LEAD, coUnitIds: [CO_UNIT] },
  sign: { type: 'sign' },
  return: { type: 'return', reason: 'Belongs to the tax bureau' },
  contact: { type: 'contact', channel: 'phone', summary: 'Called the owner' },
  request_extension: {
    type: 'request_extension',
    reason: 'Site visit needed',
    until: '2026-03-20',
  },
  approve_extension: { type: 'approve_extension' },
  deny_extension: { type: 'deny_extension', reason: 'Not justified' },
  escalate: { type: 'escalate', reason: 'Needs three departments' },
  decide: { type: 'decide', note: 'Transport bureau leads' },
  reply: { type: 'reply', reply: 'The licence was issued on 3 March.' },
  approve_reply: { type: 'approve_reply' },
  send_back: { type: 'send_back', reason: 'Answer the second question too' },
  rate: { type: 'rate', resolved: 'yes', satisfaction: 'satisfied' },
  record_rating: { type: 'record_rating', resolved: 'yes', satisfaction: 'basic' },
  order_rehandle: { type: 'order_rehandle', reason: 'The reply ignored the fee question' },
  confirm_closure: { type: 'confirm_closure', note: 'Handled lawfully' },
  auto_close: { type: 'auto_close' },
  terminate: {
    type: 'terminate',
    explanation: 'Same issue, handled lawfully on 2 March',
    relatedTicketIds: ['earlier-ticket'],
  },
  supervise: { type: 'supervise', note: 'Overdue: report by Friday' },
  urge: { type: 'urge', note: 'Still waiting' },
  add_material: { type: 'add_material', text: 'Receipt attached', attachmentIds: ['photo-1'] },
}

export const DISSATISFIED = {
  type: 'rate',
  resolved: 'no',
  satisfaction: 'dissatisfied',
  reason: 'Nothing changed',
} as const satisfies TicketEvent
