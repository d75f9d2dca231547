// The ticket as both sides see it: the lifecycle events, due times, history, attachments, rating.
import { z } from 'zod'
import {
  RESOLVED_ANSWERS,
  SATISFACTION_ANSWERS,
  businessKindSchema,
  categorySchema,
  channelSchema,
  dueStepSchema,
  roleSchema,
  ticketStatusSchema,
} from './common.js'
import { isoDate, note, plainText, unitId } from './fields.js'

export const ratingInputSchema = z
  .object({
    id: z.uuid(),
    resolved: z.enum(RESOLVED_ANSWERS),
    satisfaction: z.enum(SATISFACTION_ANSWERS),
    reason: plainText().trim().max(1000).optional(),
  })
  .refine((r) => r.satisfaction !== 'dissatisfied' || (r.reason ?? '').length > 0, {
    message: 'reason_required',
    path: ['reason'],
  })
export type RatingInput = z.infer<typeof ratingInputSchema>
export type Rating = Omit<RatingInput, 'id'>

/** The body of `POST /api/staff/tickets/:id/events`: one event of the ticket lifecycle. */
export const staffEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('accept') }),
  z.object({ type: z.literal('refuse'), basis: note }),
  z.object({
    type: z.literal('transfer'),
    note: note.optional(),
    /** The receiving desk (450000 or a city); a city desk's transfer defaults to the region desk. */
    toDeskDivisionCode: z
      .string()
      .regex(/^45\d{2}00$/, { message: 'invalid_desk_division' })
      .optional(),
  }),
  z.object({ type: z.literal('answer'), reply: note }),
  z.object({
    type: z.literal('dispatch'),
    leadUnitId: unitId,
    coUnitIds: z.array(unitId).max(10).optional(),
  }),
  z.object({ type: z.literal('refer'), note }),
  z.object({
    type: z.literal('designate_lead'),
    leadUnitId: unitId,
    coUnitIds: z.array(unitId).max(10).optional(),
  }),
  z.object({ type: z.literal('sign') }),
  z.object({ type: z.literal('return'), reason: note }),
  z.object({
    type: z.literal('contact'),
    channel: z.enum(['phone', 'visit', 'sms', 'other']),
    summary: note,
    /** False: an attempt that did not reach the owner (when and how are still recorded). */
    reached: z.boolean().optional(),
    /** When the contact or attempt happened (ISO 8601); now when absent, required if not reached. */
    at: z.iso.datetime({ offset: true }).optional(),
  }),
  z.object({ type: z.literal('request_extension'), reason: note, until: isoDate }),
  z.object({ type: z.literal('approve_extension'), until: isoDate.optional() }),
  z.object({ type: z.literal('deny_extension'), reason: note }),
  z.object({ type: z.literal('escalate'), reason: note }),
  z.object({ type: z.literal('decide'), note }),
  z.object({ type: z.literal('reply'), reply: note }),
  z.object({ type: z.literal('approve_reply') }),
  z.object({ type: z.literal('send_back'), reason: note }),
  z.object({
    type: z.literal('record_rating'),
    resolved: z.enum(RESOLVED_ANSWERS),
    satisfaction: z.enum(SATISFACTION_ANSWERS),
    reason: plainText().trim().max(1000).optional(),
  }),
  z.object({ type: z.literal('order_rehandle'), reason: note }),
  z.object({ type: z.literal('confirm_closure'), note }),
  z.object({
    type: z.literal('terminate'),
    explanation: note,
    /** The earlier tickets of the same business on the same matter, replied or closed. */
    relatedTicketIds: z.array(unitId).min(1).max(10),
  }),
  z.object({ type: z.literal('supervise'), note }),
])
export type StaffEvent = z.infer<typeof staffEventSchema>
export type StaffEventType = StaffEvent['type']

/** Events raised by the owner or the system rather than through the staff route. */
export const OWNER_EVENT_TYPES = ['submit', 'withdraw', 'rate', 'urge', 'add_material'] as const
export const SYSTEM_EVENT_TYPES = ['auto_close'] as const
export type TicketEventType =
  StaffEventType | (typeof OWNER_EVENT_TYPES)[number] | (typeof SYSTEM_EVENT_TYPES)[number]

export const dueSchema = z.object({
  step: dueStepSchema,
  /** The instant the step is due: 24:00 China time of `lastDay`, as ISO 8601 with +08:00. */
  at: z.string(),
  /** The last working day of the step (China date, YYYY-MM-DD), shown as "3月5日 24:00". */
  lastDay: z.string(),
  /** True when the date lies beyond the official holiday data (computed Monday-Friday). */
  provisional: z.boolean(),
  nearDue: z.boolean(),
  overdue: z.boolean(),
  workingDaysLeft: z.number().int(),
})
export type Due = z.infer<typeof dueSchema>

export const historyEntrySchema = z.object({
  at: z.string(),
  type: z.string(),
  from: ticketStatusSchema.nullable(),
  to: ticketStatusSchema,
  role: roleSchema,
  note: z.string().nullable(),
  /**
   * The handling unit the step is about, by name: the lead unit a dispatch sends the ticket to, or
   * the unit that acted (signed, contacted, replied). Absent where no unit is concerned.
   */
  unit: z.string().nullable().optional(),
})
export type HistoryEntry = z.infer<typeof historyEntrySchema>

/** The stored (cleaned) image types: HEIC and AVIF uploads are converted to JPEG. */
export const ATTACHMENT_MIMES = ['image/jpeg', 'image/png', 'image/webp'] as const

export const attachmentSchema = z.object({
  id: z.string(),
  ticketId: z.string(),
  mime: z.enum(ATTACHMENT_MIMES),
  /** Bytes of the stored (cleaned) file. */
  size: z.number().int(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  uploadedBy: roleSchema,
  createdAt: z.string(),
  /** `/api/tickets/<ticketId>/attachments/<id>`: the file, for those who may see the ticket. */
  url: z.string(),
  thumbnailUrl: z.string().nullable(),
})
export type Attachment = z.infer<typeof attachmentSchema>

export const attachmentListSchema = z.object({ attachments: z.array(attachmentSchema) })

export const ownerActionsSchema = z.object({
  withdraw: z.boolean(),
  urge: z.boolean(),
  rate: z.boolean(),
  addMaterial: z.boolean(),
})

export const ticketSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  code: z.string(),
  status: ticketStatusSchema,
  category: categorySchema,
  title: z.string(),
  createdAt: z.string(),
  divisionCode: z.string(),
  due: dueSchema.nullable(),
  history: z.array(historyEntrySchema),
  rating: z
    .object({
      resolved: z.enum(RESOLVED_ANSWERS).nullable(),
      satisfaction: z.enum([...SATISFACTION_ANSWERS, 'none']),
      reason: z.string().nullable(),
    })
    .nullable(),
  // The owner's own view (GET /api/tickets, /api/tickets/:id and the action answers) adds these.
  description: z.string().optional(),
  confidential: z.boolean().optional(),
  business: z
    .object({ name: z.string(), creditCode: z.string(), kind: businessKindSchema })
    .optional(),
  contact: z.object({ name: z.string(), phone: z.string() }).optional(),
  servicePoint: z.object({ id: z.string(), name: z.string() }).nullable().optional(),
  /** The handling unit's reply once the desk approved it, or the desk's direct answer. */
  reply: z.string().nullable().optional(),
  attachments: z.array(attachmentSchema).optional(),
  /** What the owner may do now; the app shows exactly these buttons. */
  actions: ownerActionsSchema.optional(),
  /** When urging becomes possible (ISO 8601, +08:00); null when no step can be urged. */
  urgeAvailableAt: z.string().nullable().optional(),
  /** How the report came in; the owner's history says so. */
  channel: channelSchema.optional(),
})
export type Ticket = z.infer<typeof ticketSchema>
