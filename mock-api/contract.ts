/**
 * The wire contract between the app and the API: zod schemas and the types inferred from them.
 * Imports nothing but zod and the generated division table, because the browser bundle and the
 * server both load it. The app validates a draft with the same schema the API enforces.
 */
import { z } from 'zod'
import { DIVISIONS } from './divisions.js'

export { DIVISIONS }

export const CATEGORIES = ['consultation', 'help', 'suggestion', 'complaint', 'report'] as const
export const categorySchema = z.enum(CATEGORIES)
export type Category = z.infer<typeof categorySchema>

export const BUSINESS_KINDS = ['enterprise', 'individual', 'cooperative'] as const
export const businessKindSchema = z.enum(BUSINESS_KINDS)
export type BusinessKind = z.infer<typeof businessKindSchema>

export const TICKET_STATUSES = [
  'submitted',
  'accepted',
  'dispatched',
  'in_progress',
  'replied',
  'closed',
  'not_accepted',
  'withdrawn',
  'coordinating',
  'extension_pending',
  'reply_review',
  'dissatisfaction_review',
  'terminated',
] as const
export const ticketStatusSchema = z.enum(TICKET_STATUSES)
export type TicketStatus = z.infer<typeof ticketStatusSchema>

export const TERMINAL_STATUSES: readonly TicketStatus[] = [
  'closed',
  'not_accepted',
  'withdrawn',
  'terminated',
]

export const ROLES = ['owner', 'desk', 'unit', 'office', 'admin', 'system'] as const
export const roleSchema = z.enum(ROLES)
export type Role = z.infer<typeof roleSchema>

export const STAFF_ROLES = ['desk', 'unit', 'office', 'admin'] as const
export const staffRoleSchema = z.enum(STAFF_ROLES)
export type StaffRole = z.infer<typeof staffRoleSchema>

export const RESOLVED_ANSWERS = ['yes', 'partly', 'no'] as const
export const SATISFACTION_ANSWERS = ['satisfied', 'basic', 'dissatisfied'] as const

/** Which clock a due time belongs to. */
export const DUE_STEPS = ['acceptance', 'handling', 'coordination', 'review', 'rating'] as const
export const dueStepSchema = z.enum(DUE_STEPS)
export type DueStep = z.infer<typeof dueStepSchema>

const divisionCodes = new Set(DIVISIONS.map((d) => d.code))

/** A Guangxi city or county-level division code (GB/T 2260), or the region itself (450000). */
export const divisionCodeSchema = z
  .string()
  .regex(/^45\d{4}$/, { message: 'invalid_division' })
  .refine((code) => code === '450000' || divisionCodes.has(code), { message: 'invalid_division' })

/** Mainland mobile (11 digits) or a landline with area code. */
export const phoneSchema = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, { message: 'invalid_phone' })

/** Format only (18 characters of the GB 32100 alphabet); the check character is a soft warning. */
export const creditCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, { message: 'invalid_credit_code' })

const text = (max: number) => z.string().trim().min(1, { message: 'required' }).max(max)

export const reportInputSchema = z.object({
  id: z.uuid(),
  category: categorySchema,
  title: text(60),
  description: text(2000),
  business: z.object({
    name: text(100),
    creditCode: creditCodeSchema,
    kind: businessKindSchema,
  }),
  contact: z.object({
    name: text(50),
    phone: phoneSchema,
  }),
  divisionCode: divisionCodeSchema,
  servicePointToken: z.string().min(1).max(512).optional(),
  confidential: z.boolean().default(false),
})
export type ReportInput = z.infer<typeof reportInputSchema>

export const ratingInputSchema = z
  .object({
    id: z.uuid(),
    resolved: z.enum(RESOLVED_ANSWERS),
    satisfaction: z.enum(SATISFACTION_ANSWERS),
    reason: z.string().trim().max(1000).optional(),
  })
  .refine((r) => r.satisfaction !== 'dissatisfied' || (r.reason ?? '').length > 0, {
    message: 'reason_required',
    path: ['reason'],
  })
export type RatingInput = z.infer<typeof ratingInputSchema>
export type Rating = Omit<RatingInput, 'id'>

const note = z.string().trim().min(1).max(2000)
const unitId = z.string().min(1).max(64)
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'invalid_date' })

/** The body of `POST /api/staff/tickets/:id/events`: one event of the ticket lifecycle. */
export const staffEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('accept') }),
  z.object({ type: z.literal('refuse'), basis: note }),
  z.object({ type: z.literal('transfer'), note: note.optional() }),
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
    reason: z.string().trim().max(1000).optional(),
  }),
  z.object({ type: z.literal('order_rehandle'), reason: note }),
  z.object({ type: z.literal('confirm_closure'), note }),
  z.object({ type: z.literal('terminate'), explanation: note }),
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
})
export type HistoryEntry = z.infer<typeof historyEntrySchema>

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
})
export type Ticket = z.infer<typeof ticketSchema>

/** RFC 9457 problem details, as every API error is sent. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  /** The message in Chinese and English, for the app to show as is. */
  message: z.object({ zh: z.string(), en: z.string() }).optional(),
  /** For validation errors: the fields at fault, as dotted paths. */
  errors: z.array(z.object({ field: z.string(), code: z.string() })).optional(),
})
export type Problem = z.infer<typeof problemSchema>

export const healthSchema = z.object({ ok: z.literal(true) })
