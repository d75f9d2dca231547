/**
 * Why the ticket machine refused an event. Each reason is distinct so the API can answer with the
 * right status: `forbidden` → 403, `conflict` → 409, `invalid` → 422.
 */
export const REFUSAL_KINDS = {
  wrong_role: 'forbidden',
  not_lead_unit: 'forbidden',
  not_assigned_unit: 'forbidden',
  not_own_level: 'forbidden',
  terminal: 'conflict',
  wrong_state: 'conflict',
  already_region_desk: 'conflict',
  same_desk: 'conflict',
  not_referred: 'conflict',
  not_escalated: 'conflict',
  rehandle_cap_reached: 'conflict',
  not_overdue: 'conflict',
  already_urged_today: 'conflict',
  return_window_closed: 'conflict',
  past_due: 'conflict',
  no_contact: 'conflict',
  not_handled_yet: 'conflict',
  unknown_event: 'invalid',
  missing_basis: 'invalid',
  missing_reason: 'invalid',
  missing_explanation: 'invalid',
  missing_field: 'invalid',
  invalid_field: 'invalid',
} as const

export type RefusalReason = keyof typeof REFUSAL_KINDS
export type RefusalKind = (typeof REFUSAL_KINDS)[RefusalReason]

export type Refusal = {
  ok: false
  reason: RefusalReason
  /** The event field at fault, for `missing_*` and `invalid_field`. */
  field?: string
}

export const refuse = (reason: RefusalReason, field?: string): Refusal =>
  field === undefined ? { ok: false, reason } : { ok: false, reason, field }

export const refusalKind = (reason: RefusalReason): RefusalKind => REFUSAL_KINDS[reason]
