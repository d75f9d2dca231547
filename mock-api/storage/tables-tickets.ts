// Tickets and everything that hangs off one: units, history, attachments, ratings, change events.
import type { BusinessKind, Category, Channel, DueStep, Role, TicketStatus } from '../contract.js'
import type { Defaulted, Flag, Generated, Instant } from './columns.js'

/** Whether a clock's step was met in time, recorded when the step ends. */
export type StepResult = 'on_time' | 'late'

export interface TicketTable {
  /** The client's UUID, made on the phone before any network. */
  id: string
  /** Human number on the receipt: GX + yymmdd (China date) + daily sequence. */
  number: string
  /** The receipt's short verification code (shown to the owner, so kept in clear). */
  verification_code: string
  /** SHA-256 of the canonical report body: the same id with another body is a conflict. */
  request_hash: string
  owner_id: string
  device_id: string | null
  status: TicketStatus
  category: Category
  title: string
  description: string
  /** Where the business is (city or county code). */
  division_code: string
  /** The desk whose queue holds it: a city code, or 450000. */
  desk_division_code: string
  service_point_id: string | null
  business_id: string | null
  /** Snapshot of the business and contact as reported; later edits do not rewrite tickets. */
  business_name: string
  business_credit_code: string
  business_kind: BusinessKind
  /** 1 when the owner confirmed a credit code whose check character fails. */
  credit_code_unverified: Defaulted<Flag>
  contact_name: string
  contact_phone: string
  confidential: Flag
  lead_unit_id: string | null
  coordination_via: 'refer' | 'escalate' | null
  is_supervised: Defaulted<Flag>
  /** The current lead unit's first contact (or unreachable attempt) with the owner. */
  first_contact_at: Instant | null
  /** When a unit first signed for the ticket (a unit has handled it). */
  signed_at: Instant | null
  /** The date (YYYY-MM-DD) a pending extension asks for. */
  requested_until: string | null
  /** A unit's reply under review. */
  pending_reply: string | null
  /** The reply the owner reads, once approved (or the desk's direct answer). */
  reply: string | null
  rehandle_count: Defaulted<number>
  due_step: DueStep | null
  due_at: Instant | null
  due_provisional: Defaulted<Flag>
  due_started_at: Instant | null
  acceptance_result: StepResult | null
  handling_result: StepResult | null
  last_urged_at: Instant | null
  /** Raised by every update, for optimistic concurrency on PostgreSQL. */
  version: Defaulted<number>
  created_at: Instant
  updated_at: Instant
  accepted_at: Instant | null
  dispatched_at: Instant | null
  replied_at: Instant | null
  closed_at: Instant | null
  /** How the report came in (app_code, app, phone, window, handed_down). */
  channel: Defaulted<Channel>
  /** The staff member who registered a report taken by phone, at a window or handed down. */
  registered_by: string | null
  /** A matter handed down (上级转办交办): the issuing body and its document number. */
  handed_down_issuer: string | null
  handed_down_document: string | null
  /** The entity code that named (and so verified) the business. */
  entity_code_id: string | null
  /** When an owner's phone claimed a registered report with its receipt. */
  claimed_at: Instant | null
}

/** Every unit a ticket is dispatched to: one lead and any co-units. */
export interface TicketUnitTable {
  ticket_id: string
  unit_id: string
  role: 'lead' | 'co'
  assigned_at: Instant
  /** Set when the unit no longer holds the ticket (returned, re-dispatched). */
  released_at: Instant | null
}

/** Append-only. `seq` orders entries within a ticket (instants can tie). */
export interface TicketHistoryTable {
  ticket_id: string
  seq: number
  at: Instant
  type: string
  from_status: TicketStatus | null
  to_status: TicketStatus
  role: Role
  /** Staff id for staff roles, owner id for the owner, null for the system. */
  actor_id: string | null
  /** What the owner may read. */
  note: string | null
  /** Staff only; never in the owner's view. */
  internal_note: string | null
  /** JSON object: the event's data (units, dates, channel…). */
  data: Defaulted<string>
}

export interface AttachmentTable {
  /** The client's id: uploads are idempotent per attachment. */
  id: string
  ticket_id: string
  /** Content address (hex) of the stored, EXIF-stripped file under DATA_DIR. */
  sha256: string
  mime: string
  size: number
  width: number | null
  height: number | null
  thumbnail_sha256: string | null
  thumbnail_mime: string | null
  /** SHA-256 of the bytes as uploaded: the same id with other bytes is a conflict. */
  source_sha256: string | null
  uploaded_by: Role
  created_at: Instant
}

export interface RatingTable {
  /** The client's id (idempotency), or generated for a desk's or the system's rating. */
  id: string
  ticket_id: string
  /** The ticket's re-handle count when rated: one rating per round. */
  round: number
  resolved: 'yes' | 'partly' | 'no' | null
  satisfaction: 'satisfied' | 'basic' | 'dissatisfied' | 'none'
  reason: string | null
  source: 'owner' | 'desk' | 'system'
  staff_id: string | null
  rated_at: Instant
}

/**
 * Outbox for server-sent events. The id is monotonic per insert; on PostgreSQL concurrent
 * transactions can commit ids out of order, so a reader resuming from `Last-Event-ID` should
 * serialise writers or re-read a short window behind the id it was given.
 */
export interface TicketEventTable {
  id: Generated<number>
  ticket_id: string
  owner_id: string
  desk_division_code: string
  type: string
  status: TicketStatus
  at: Instant
}

/** The system job's overdue announcements: one per ticket and due instant. */
export interface OverdueFlagTable {
  ticket_id: string
  due_at: Instant
  step: DueStep
  flagged_at: Instant
}

export type TicketTables = {
  tickets: TicketTable
  ticket_units: TicketUnitTable
  ticket_history: TicketHistoryTable
  attachments: AttachmentTable
  ratings: RatingTable
  ticket_events: TicketEventTable
  overdue_flags: OverdueFlagTable
}
