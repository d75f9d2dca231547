/**
 * A use case's typed refusal: what was refused and which fields are at fault, never an HTTP status
 * or a message. The HTTP edge (plugins/refusal-table.ts) holds one table that gives each code its
 * status and its zh/en message. Thrown before anything is written, so a refusal changes nothing.
 */
import type { ExtensionRefusal } from '../domain/deadlines.js'
import type { RefusalReason } from '../domain/refusals.js'

/** The refusals of the use cases themselves, beside the ticket machine's and the calendar's. */
export const WORKFLOW_REFUSALS = [
  // Generic: nothing to see here, not for this role, fields that fail a check.
  'not_found',
  'forbidden',
  'invalid_fields',
  // Reports, intake, claims and codes.
  'report_conflict',
  'credit_code_checksum',
  'credit_code_checksum_issue',
  'retired_code',
  'invalid_code',
  'already_claimed',
  'not_registered',
  'channel_not_allowed',
  'outside_division',
  'service_point_retired',
  'unknown_short_code',
  'retired_window_code',
  'unknown_entity_code',
  'retired_entity_code',
  'idempotency_conflict',
  // The ticket workflow.
  'unknown_unit',
  'invalid_contact_time',
  'invalid_related_ticket',
  'ticket_changed',
  'no_due',
  // Devices and notifications.
  'link_code_gone',
  'link_code_expired',
  'too_many_attempts',
  'wrong_code',
  'push_endpoint_not_allowed',
  // Staff accounts and reference data.
  'username_taken',
  'own_access',
  'unit_name_taken',
  'unit_has_open_tickets',
  'unit_on_responsibility_list',
  'package_year',
  'national_day',
  'not_calendar_keeper',
  // Attachments.
  'file_too_large',
  'unsupported_file',
  'unreadable_image',
  'too_many_attachments',
  'ticket_closed',
  'not_handling',
  'attachment_conflict',
  // Staff sign-in.
  'invalid_credentials',
  'account_disabled',
] as const

export type RefusalCode =
  (typeof WORKFLOW_REFUSALS)[number] | RefusalReason | ExtensionRefusal['reason']

/** A field at fault; `code` defaults to the refusal's own code. */
export type FaultyField = { field: string; code?: string }

/** What the message or the client needs to know: a count, a year, the tries left. */
export type RefusalFacts = Readonly<Record<string, string | number | boolean | null>>

export class Refused extends Error {
  constructor(
    readonly code: RefusalCode,
    readonly fields?: readonly FaultyField[],
    readonly facts: RefusalFacts = {},
  ) {
    super(`refused: ${code}`)
    this.name = 'Refused'
  }
}

export const refused = (code: RefusalCode, field?: string, facts?: RefusalFacts): Refused =>
  new Refused(code, field === undefined ? undefined : [{ field }], facts)
