// The ticket machine's vocabulary: the ticket as the rules see it, the events, the actor and the
// facts the calendar supplies. Apart from ticket-machine.ts so its checks and effects can name
// them without importing the machine back.
import type {
  Rating,
  Role,
  StaffEvent,
  Ticket,
  TicketEventType,
  TicketStatus,
} from '../contract.js'

export type TicketRating = NonNullable<Ticket['rating']>

/** What the lifecycle rules need to know about a ticket; workflow/machine-ticket.ts maps the stored row to it. */
export type MachineTicket = {
  status: TicketStatus
  /** The receiving desk: a city's division code, or 450000 for the region desk. */
  deskDivisionCode: string
  leadUnitId: string | null
  coUnitIds: readonly string[]
  rehandleCount: number
  /** Why the ticket is coordinating: a desk referred it, or its lead unit escalated it. */
  coordinationVia: 'refer' | 'escalate' | null
  isSupervised: boolean
  /** The current lead unit logged a contact (or an unreachable attempt) since its dispatch. */
  hasContact: boolean
  /** A unit has signed for the ticket at some point. */
  wasHandledByUnit: boolean
  /** The date (YYYY-MM-DD) a pending extension request asks for. */
  requestedUntil: string | null
  /** A unit's reply under review; the owner reads it once the desk approves it. */
  pendingReply: string | null
  rating: TicketRating | null
}

export type OwnerEvent =
  | { type: 'submit'; deskDivisionCode: string }
  | { type: 'withdraw'; reason?: string }
  | ({ type: 'rate' } & Rating)
  | { type: 'urge'; note?: string }
  | { type: 'add_material'; text?: string; attachmentIds?: readonly string[] }
export type SystemEvent = { type: 'auto_close' }
export type TicketEvent = StaffEvent | OwnerEvent | SystemEvent

/**
 * Who raises the event; `unitId` is the staff member's unit when the role is `unit`, and
 * `divisionCode` the office's level (a city, or 450000 for the region) when the role is `office`.
 */
export type Actor = { role: Role; unitId?: string | null; divisionCode?: string | null }

/**
 * Facts the workflow works out with the calendar. A missing fact counts against the event: urge needs
 * `isStepOverdue: true` and `wasUrgedToday: false`, return needs `isWithinReturnWindow: true`,
 * request_extension needs `isBeforeDue: true`. `rehandleCap` defaults to DEFAULT_REHANDLE_CAP.
 */
export type EventFacts = {
  isStepOverdue?: boolean
  wasUrgedToday?: boolean
  isWithinReturnWindow?: boolean
  isBeforeDue?: boolean
  rehandleCap?: number
}

export type HistoryData = Readonly<
  Record<string, string | number | boolean | null | readonly string[]>
>

/** A history entry without its time and staff id, which the workflow adds. */
export type HistoryDraft = {
  type: TicketEventType
  from: TicketStatus | null
  to: TicketStatus
  role: Role
  /** What the owner may read. */
  note: string | null
  /** For staff only; never shown to the owner. */
  internalNote: string | null
  data: HistoryData
}
