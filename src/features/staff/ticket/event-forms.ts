/**
 * The one action form's data: which fields each staff event asks for, and how the typed values
 * become the event the API takes. Validation is the contract's own schema (staffEventSchema), plus
 * the two rules the domain adds on top of it (a reason for "dissatisfied", co-units apart from the
 * lead), so the form refuses exactly what the server would and no more.
 */
import {
  RESOLVED_ANSWERS,
  SATISFACTION_ANSWERS,
  staffEventSchema,
  type StaffEvent,
  type StaffEventType,
  type StaffTicket,
} from '../../../../mock-api/contract'

export type FieldKind =
  | 'text'
  | 'textarea'
  | 'date'
  | 'datetime'
  | 'choice'
  | 'basis'
  | 'lead-unit'
  | 'co-units'
  | 'desk'
  | 'related-tickets'

export type FieldName =
  | 'basis'
  | 'note'
  | 'reply'
  | 'leadUnitId'
  | 'coUnitIds'
  | 'reason'
  | 'channel'
  | 'summary'
  | 'until'
  | 'resolved'
  | 'satisfaction'
  | 'explanation'
  | 'toDeskDivisionCode'
  | 'reached'
  | 'at'
  | 'relatedTicketIds'

export type FieldSpec = {
  name: FieldName
  kind: FieldKind
  isRequired: boolean
  /** For `choice`: the values offered (labels come from the locale). */
  options?: readonly string[]
}

export const CONTACT_CHANNELS = ['phone', 'visit', 'sms', 'other'] as const
export const CONTACT_RESULTS = ['yes', 'no'] as const

/** DOMAIN.md "What is accepted": the standard reasons for not accepting a report. */
export const REFUSAL_BASES = [
  'emergency',
  'legal_procedure',
  'consumer_dispute',
  'terminated',
  'not_government',
] as const

const required = (name: FieldName, kind: FieldKind = 'textarea'): FieldSpec => ({
  name,
  kind,
  isRequired: true,
})
const optional = (name: FieldName, kind: FieldKind = 'textarea'): FieldSpec => ({
  name,
  kind,
  isRequired: false,
})
const units: FieldSpec[] = [required('leadUnitId', 'lead-unit'), optional('coUnitIds', 'co-units')]

export const EVENT_FIELDS: Readonly<Record<StaffEventType, readonly FieldSpec[]>> = {
  accept: [],
  refuse: [required('basis', 'basis')],
  // Any desk to any other, always with a reason (issue 16).
  transfer: [optional('toDeskDivisionCode', 'desk'), required('note')],
  answer: [required('reply')],
  dispatch: units,
  refer: [required('note')],
  designate_lead: units,
  sign: [],
  return: [required('reason')],
  contact: [
    { ...required('channel', 'choice'), options: CONTACT_CHANNELS },
    { ...optional('reached', 'choice'), options: CONTACT_RESULTS },
    optional('at', 'datetime'),
    required('summary'),
  ],
  request_extension: [required('until', 'date'), required('reason')],
  approve_extension: [optional('until', 'date')],
  deny_extension: [required('reason')],
  escalate: [required('reason')],
  decide: [required('note')],
  reply: [required('reply')],
  approve_reply: [],
  send_back: [required('reason')],
  record_rating: [
    { ...required('resolved', 'choice'), options: RESOLVED_ANSWERS },
    { ...required('satisfaction', 'choice'), options: SATISFACTION_ANSWERS },
    optional('reason'),
  ],
  order_rehandle: [required('reason')],
  confirm_closure: [required('note')],
  terminate: [required('relatedTicketIds', 'related-tickets'), required('explanation')],
  supervise: [required('note')],
}

const STAFF_EVENT_TYPES = new Set<string>(Object.keys(EVENT_FIELDS))

/** The allowed events the console knows how to send, in the order the API listed them. */
export const knownEvents = (allowed: readonly string[]): StaffEventType[] =>
  allowed.filter((type): type is StaffEventType => STAFF_EVENT_TYPES.has(type))

export type FormValues = Readonly<Record<string, string | readonly string[]>>
export type FieldErrors = Record<string, 'required' | 'invalid'>
export type FormResult = { ok: true; event: StaffEvent } | { ok: false; errors: FieldErrors }

/** A refusal basis: the standard basis's label, then the free text, either one alone. */
export function joinBasis(standard: string, text: string): string {
  return [standard.trim(), text.trim()].filter((part) => part !== '').join('：')
}

function cleaned(fields: readonly FieldSpec[], values: FormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const field of fields) {
    const value = values[field.name]
    if (typeof value === 'string') {
      if (value.trim() !== '') out[field.name] = value.trim()
    } else if (value !== undefined && value.length > 0) {
      out[field.name] = [...value]
    }
  }
  return out
}

// The form's words to the event's types: "not reached" is `reached: false`, and a
// datetime-local value is a China wall-clock time.
function toWire(body: Record<string, unknown>): Record<string, unknown> {
  const out = { ...body }
  if (out.reached !== undefined) out.reached = out.reached !== 'no'
  if (typeof out.at === 'string') out.at = `${out.at.slice(0, 16)}:00+08:00`
  return out
}

function domainErrors(body: Record<string, unknown>): FieldErrors {
  const errors: FieldErrors = {}
  if (body.satisfaction === 'dissatisfied' && body.reason === undefined) errors.reason = 'required'
  const coUnits = body.coUnitIds
  if (Array.isArray(coUnits) && coUnits.includes(body.leadUnitId)) errors.coUnitIds = 'invalid'
  return errors
}

/** The event for `type` from the form's values, or the fields at fault. */
export function toStaffEvent(type: StaffEventType, values: FormValues): FormResult {
  const fields = EVENT_FIELDS[type]
  const body = cleaned(fields, values)
  const errors: FieldErrors = {}
  for (const field of fields) {
    if (field.isRequired && body[field.name] === undefined) errors[field.name] = 'required'
  }
  if (body.reached === 'no' && body.at === undefined) errors.at = 'required'
  const parsed = staffEventSchema.safeParse({ type, ...toWire(body) })
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = issue.path[0]
      if (typeof name === 'string' && errors[name] === undefined) errors[name] = 'invalid'
    }
  }
  const all = { ...domainErrors(body), ...errors }
  if (Object.keys(all).length > 0 || !parsed.success) return { ok: false, errors: all }
  return { ok: true, event: parsed.data }
}

type BusinessRecord = NonNullable<StaffTicket['businessRecord']>

/**
 * The tickets a termination may name: the business's tickets created before this one (the server
 * refuses a later one, `invalid_related_ticket`); RelatedTickets keeps the replied or closed ones.
 */
export function earlierTickets(record: BusinessRecord, createdAt: string): BusinessRecord {
  // The API gives times to the second, the server compares them to the millisecond: a ticket
  // filed in the same second as this one may be earlier, so it is offered (the server decides).
  const before = Date.parse(createdAt)
  return record.filter((r) => Date.parse(r.createdAt) <= before)
}
