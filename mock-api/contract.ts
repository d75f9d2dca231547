/**
 * The wire contract between the app and the API: zod schemas and the types inferred from them.
 * Imports nothing but zod, the generated division table and pure domain rules, because the browser bundle and the
 * server both load it. The app validates a draft with the same schema the API enforces.
 */
import { z } from 'zod'
import { DIVISIONS } from './divisions.js'
import { hasKnownAuthority } from './domain/credit-code.js'
import { hasVisibleCharacter, isPlainText } from './domain/plain-text.js'

export { DIVISIONS }

export const CATEGORIES = ['consultation', 'help', 'suggestion', 'complaint', 'report'] as const
export const categorySchema = z.enum(CATEGORIES)
export type Category = z.infer<typeof categorySchema>

/**
 * DOMAIN.md: handling time after dispatch, in working days. The owner sees it on each category card,
 * the clerk beside the intake form's category.
 */
export const HANDLING_WORKING_DAYS = {
  consultation: 3,
  help: 5,
  suggestion: 5,
  complaint: 10,
  report: 10,
} as const satisfies Record<Category, number>

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

/**
 * How a report came in (DOMAIN.md "channels"): the app with a window code, the app without one,
 * the 12345 line, a service window, or handed down from above. Staff register the last three.
 */
export const CHANNELS = ['app_code', 'app', 'phone', 'window', 'handed_down'] as const
export const channelSchema = z.enum(CHANNELS)
export type Channel = z.infer<typeof channelSchema>
export const INTAKE_CHANNELS = ['phone', 'window', 'handed_down'] as const
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number]

export const TERMINAL_STATUSES: readonly TicketStatus[] = [
  'closed',
  'not_accepted',
  'withdrawn',
  'terminated',
]

export const ROLES = [
  'owner',
  'desk',
  'unit',
  'office',
  'admin',
  'system',
  'window',
  'workstation',
] as const
export const roleSchema = z.enum(ROLES)
export type Role = z.infer<typeof roleSchema>

export const STAFF_ROLES = ['desk', 'unit', 'office', 'admin', 'window', 'workstation'] as const
export const staffRoleSchema = z.enum(STAFF_ROLES)
export type StaffRole = z.infer<typeof staffRoleSchema>

export const RESOLVED_ANSWERS = ['yes', 'partly', 'no'] as const
export const SATISFACTION_ANSWERS = ['satisfied', 'basic', 'dissatisfied'] as const

/** Which clock a due time belongs to. */
export const DUE_STEPS = [
  'acceptance',
  'handling',
  'coordination',
  'review',
  'rating',
  /** 分办: the desk dispatches, refers or answers an accepted (or returned) ticket. */
  'dispatch',
] as const
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

/**
 * Format (18 characters of the GB 32100 alphabet) and a registration authority and kind that
 * exist; the check character is a soft warning.
 */
export const creditCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, { message: 'invalid_credit_code', abort: true })
  .refine(hasKnownAuthority, { message: 'credit_code_authority', abort: true })

/** Free text: no control characters but line breaks and tabs, no lone surrogates. */
const plainText = () => z.string().refine(isPlainText, { message: 'invalid_characters' })

/** A required free-text field: something visible, not only zero-width characters or fillers. */
const visibleText = (schema: z.ZodString) =>
  schema
    .refine(isPlainText, { message: 'invalid_characters', abort: true })
    .refine(hasVisibleCharacter, { message: 'no_visible_text' })

const text = (max: number) =>
  visibleText(z.string().trim().min(1, { message: 'required', abort: true }).max(max))

export const reportInputSchema = z.object({
  id: z.uuid(),
  category: categorySchema,
  title: text(60),
  description: text(2000),
  business: z.object({
    name: text(100),
    creditCode: creditCodeSchema,
    kind: businessKindSchema,
    /** The owner confirms a code whose check character fails (some early codes do): stored flagged. */
    creditCodeConfirmed: z.boolean().optional(),
  }),
  contact: z.object({
    name: text(50),
    phone: phoneSchema,
  }),
  divisionCode: divisionCodeSchema,
  servicePointToken: z.string().min(1).max(512).optional(),
  confidential: z.boolean().default(false),
  /** The token of a scanned entity code (`/e/<token>`): the business is then verified by it. */
  entityToken: z.string().min(1).max(512).optional(),
})
export type ReportInput = z.infer<typeof reportInputSchema>

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

const note = visibleText(z.string().trim().min(1, { abort: true }).max(2000))
const unitId = z.string().min(1).max(64)
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'invalid_date' })

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
  /** When a refused action becomes possible (ISO 8601, +08:00), e.g. an urge before the due. */
  availableAt: z.string().nullable().optional(),
  /** One-time code tries left. */
  attemptsLeft: z.number().int().optional(),
})
export type Problem = z.infer<typeof problemSchema>

export const healthSchema = z.object({ ok: z.literal(true) })

/** The service point a window code names, as `GET /api/codes/:token` gives it to the app after a scan. */
export const servicePointSchema = z.object({
  id: z.string(),
  /** The full display name, e.g. 南宁市政务服务中心 3号窗口. */
  name: z.string(),
  hall: z.string(),
  window: z.string(),
  /** Where the point is (city or county code): pre-fills the report's division. */
  divisionCode: z.string(),
  divisionName: z.string(),
  /** The city of `divisionCode`, or 450000 for a region-level point. */
  cityCode: z.string(),
  /** `desk-<deskDivisionCode>`: the desk whose queue receives the point's reports. */
  deskId: z.string(),
  deskDivisionCode: z.string(),
  deskName: z.string(),
})
export type ServicePoint = z.infer<typeof servicePointSchema>

/** A service point in the staff console, with its code's link (`<origin>/q/<token>`). */
export const staffServicePointSchema = servicePointSchema.extend({
  link: z.string(),
  createdAt: z.string(),
  retiredAt: z.string().nullable(),
})
export type StaffServicePoint = z.infer<typeof staffServicePointSchema>

/** `POST /api/staff/service-points`; the desk defaults to the division's receiving desk. */
export const servicePointInputSchema = z.object({
  name: text(100).optional(),
  hall: text(60),
  window: text(30),
  divisionCode: divisionCodeSchema,
  deskDivisionCode: divisionCodeSchema.optional(),
})
export type ServicePointInput = z.infer<typeof servicePointInputSchema>

export const STATISTICS_GROUPINGS = ['category', 'city', 'unit', 'month', 'channel'] as const
export type StatisticsGrouping = (typeof STATISTICS_GROUPINGS)[number]

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'invalid_month' })

/** `GET /api/staff/statistics`: months are China months of the tickets' creation, inclusive. */
export const statisticsQuerySchema = z.object({
  groupBy: z.enum(STATISTICS_GROUPINGS).default('category'),
  from: month.optional(),
  to: month.optional(),
  category: categorySchema.optional(),
  /** A city code; 450000 keeps the region-level tickets. */
  city: divisionCodeSchema.optional(),
  channel: channelSchema.optional(),
  /** DOMAIN.md counts 满意 + 基本满意 as satisfied; `false` counts 满意 only. */
  countBasicAsSatisfied: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
  /** `csv` (or `Accept: text/csv`) answers with CSV for Excel. */
  format: z.enum(['json', 'csv']).optional(),
})
export type StatisticsQuery = z.infer<typeof statisticsQuerySchema>

/** A fraction 0..1, or null when nothing is in its denominator. */
const rate = z.number().min(0).max(1).nullable()

export const statisticsRatesSchema = z.object({
  count: z.number().int(),
  responseRate: rate,
  onTimeAcceptanceRate: rate,
  onTimeHandlingRate: rate,
  /** Help, complaint and report only. */
  resolutionRate: rate,
  satisfactionRate: rate,
  averageWorkingDaysToClose: z.number().nullable(),
  topTopics: z.array(z.object({ topic: z.string(), count: z.number().int() })),
})
export type StatisticsRates = z.infer<typeof statisticsRatesSchema>

export const statisticsSchema = z.object({
  groupBy: z.enum(STATISTICS_GROUPINGS),
  from: z.string().nullable(),
  to: z.string().nullable(),
  countBasicAsSatisfied: z.boolean(),
  groups: z.array(statisticsRatesSchema.extend({ key: z.string(), label: z.string() })),
  total: statisticsRatesSchema,
})
export type Statistics = z.infer<typeof statisticsSchema>

/** `POST /api/staff/session`. */
export const staffSignInSchema = z.object({
  username: z.string().trim().toLowerCase().min(1, { message: 'required' }).max(64),
  password: z.string().min(1, { message: 'required' }).max(256),
})
export type StaffSignIn = z.infer<typeof staffSignInSchema>

/** `GET /api/staff/me`, also the answer to a sign-in. */
export const staffMeSchema = z.object({
  username: z.string(),
  displayName: z.string(),
  role: staffRoleSchema,
  scope: z.object({
    divisionCode: z.string().optional(),
    unitId: z.string().optional(),
    unitName: z.string().optional(),
    /** A window clerk's service point. */
    servicePointId: z.string().optional(),
    servicePointName: z.string().optional(),
  }),
})
export type StaffMe = z.infer<typeof staffMeSchema>

export const STAFF_USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,31}$/
export const MIN_STAFF_PASSWORD_LENGTH = 12

const staffPassword = z
  .string()
  .min(MIN_STAFF_PASSWORD_LENGTH, { message: 'too_short' })
  .max(256, { message: 'too_long' })
const isDeskDivision = (code: string) =>
  code === '450000' || DIVISIONS.some((d) => d.code === code && d.parent === '450000')

type ScopeFields = {
  role?: StaffRole
  divisionCode?: string | null
  unitId?: string | null
  servicePointId?: string | null
}
const isCounty = (code: string) => {
  const division = DIVISIONS.find((d) => d.code === code)
  return division !== undefined && division.parent !== '450000'
}

/**
 * Role, division and unit change together. A desk needs the region or a city, an office any
 * division, a unit account its unit (whose division it takes); an admin has neither.
 */
function checkScope(
  { role, divisionCode, unitId, servicePointId }: ScopeFields,
  ctx: z.RefinementCtx,
) {
  const issue = (field: string, message: string) =>
    ctx.addIssue({ code: 'custom', path: [field], message })
  if (role === undefined) {
    if (divisionCode !== undefined || unitId !== undefined || servicePointId !== undefined) {
      issue('role', 'required')
    }
    return
  }
  // A window clerk takes its service point's division; a workstation is one county.
  if (role === 'window' && !servicePointId) issue('servicePointId', 'required')
  if (role !== 'window' && servicePointId) issue('servicePointId', 'not_allowed')
  if (role === 'workstation' && divisionCode && !isCounty(divisionCode)) {
    issue('divisionCode', 'invalid_county')
  }
  const needsDivision = role === 'desk' || role === 'office' || role === 'workstation'
  if (needsDivision && !divisionCode) issue('divisionCode', 'required')
  if (!needsDivision && divisionCode) issue('divisionCode', 'not_allowed')
  if (role === 'desk' && divisionCode && !isDeskDivision(divisionCode)) {
    issue('divisionCode', 'invalid_desk_division')
  }
  if (role === 'unit' && !unitId) issue('unitId', 'required')
  if (role !== 'unit' && unitId) issue('unitId', 'not_allowed')
}

/** A staff account as the admin manages it (`GET /api/staff/admin/accounts`); never a hash. */
export const staffAccountSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: staffRoleSchema,
  divisionCode: z.string().nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  disabled: z.boolean(),
  servicePointId: z.string().nullable().optional(),
  servicePointName: z.string().nullable().optional(),
})
export type StaffAccount = z.infer<typeof staffAccountSchema>
export const staffAccountsSchema = z.object({ accounts: z.array(staffAccountSchema) })

const accountFields = {
  displayName: text(50),
  role: staffRoleSchema,
  divisionCode: divisionCodeSchema.nullable().optional(),
  unitId: unitId.nullable().optional(),
  password: staffPassword,
  servicePointId: z.string().min(1).max(64).nullable().optional(),
}

/** `POST /api/staff/admin/accounts`: the initial password is the admin's to hand over. */
export const staffAccountInputSchema = z
  .object({
    username: z
      .string()
      .trim()
      .toLowerCase()
      .regex(STAFF_USERNAME_PATTERN, { message: 'invalid_username' }),
    ...accountFields,
  })
  .superRefine(checkScope)
export type StaffAccountInput = z.infer<typeof staffAccountInputSchema>

/** `PATCH /api/staff/admin/accounts/:id`: only what changes; `password` resets it. */
export const staffAccountChangeSchema = z
  .object({ ...z.object(accountFields).partial().shape, disabled: z.boolean().optional() })
  .superRefine(checkScope)
  .refine((change) => Object.values(change).some((value) => value !== undefined), {
    message: 'nothing_to_change',
  })
export type StaffAccountChange = z.infer<typeof staffAccountChangeSchema>

/** A ticket in a staff queue. Phones are masked (138****1234); null where the owner is hidden. */
export const staffQueueItemSchema = z.object({
  id: z.string(),
  number: z.string(),
  status: ticketStatusSchema,
  category: categorySchema,
  title: z.string(),
  divisionCode: z.string(),
  deskDivisionCode: z.string(),
  createdAt: z.string(),
  due: dueSchema.nullable(),
  maskedPhone: z.string().nullable(),
  isSupervised: z.boolean(),
  /** The owner urged since the current clock started. */
  isUrged: z.boolean(),
  confidential: z.boolean(),
  channel: channelSchema,
})
export type StaffQueueItem = z.infer<typeof staffQueueItemSchema>

export const staffQueueSchema = z.object({ tickets: z.array(staffQueueItemSchema) })

/** The queue's due filter: past due, or due by the end of the next working day. */
export const QUEUE_DUE_FILTERS = ['overdue', 'near'] as const
export type QueueDueFilter = (typeof QUEUE_DUE_FILTERS)[number]

/**
 * `GET /api/staff/queue` (issue 17): `q` finds a ticket number, business name, credit code or
 * phone among every ticket in my scope; with `q` or `status` the queue widens from what awaits me
 * to all I may see. The other filters narrow either.
 */
export const staffQueueQuerySchema = z.object({
  q: z.string().trim().max(60).optional(),
  status: ticketStatusSchema.optional(),
  category: categorySchema.optional(),
  channel: channelSchema.optional(),
  due: z.enum(QUEUE_DUE_FILTERS).optional(),
})
export type StaffQueueQuery = z.infer<typeof staffQueueQuerySchema>
export type StaffQueue = z.infer<typeof staffQueueSchema>

export const staffHistoryEntrySchema = historyEntrySchema.extend({
  seq: z.number().int(),
  /** Staff only: reasons and notes between desks, units and offices. */
  internalNote: z.string().nullable(),
  /** The staff member's display name; null for the owner and the system. */
  actorName: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
})
export type StaffHistoryEntry = z.infer<typeof staffHistoryEntrySchema>

/**
 * `GET /api/staff/tickets/:id`: the owner's ticket (without the receipt code, which is the owner's
 * to give) plus what staff work with. `identityHidden`: a confidential report seen by a unit, with
 * contact and business nulled.
 */
export const staffTicketSchema = ticketSchema.omit({ code: true, history: true }).extend({
  description: z.string(),
  deskDivisionCode: z.string(),
  updatedAt: z.string(),
  history: z.array(staffHistoryEntrySchema),
  units: z.array(z.object({ unitId: z.string(), name: z.string(), role: z.enum(['lead', 'co']) })),
  confidential: z.boolean(),
  identityHidden: z.boolean(),
  business: z.object({
    name: z.string().nullable(),
    creditCode: z.string().nullable(),
    kind: businessKindSchema,
    creditCodeUnverified: z.boolean(),
  }),
  contact: z.object({ name: z.string().nullable(), phone: z.string().nullable() }),
  servicePoint: z.object({ id: z.string(), name: z.string() }).nullable(),
  isSupervised: z.boolean(),
  lastUrgedAt: z.string().nullable(),
  rehandleCount: z.number().int(),
  /** The extension date a unit asked for, while the office decides. */
  requestedUntil: z.string().nullable(),
  /** A unit's reply while the desk reviews it. */
  pendingReply: z.string().nullable(),
  /** The reply the owner reads. */
  reply: z.string().nullable(),
  /** The event types this staff member may send now (POST …/events). */
  allowedEvents: z.array(z.string()),
  channel: channelSchema,
  /** Who registered a report taken by phone, at a window or handed down; null for the app. */
  registeredBy: z.string().nullable(),
  /** The issuing body and document number of a matter handed down. */
  handedDown: z.object({ issuer: z.string(), documentNumber: z.string() }).nullable(),
  /** The business was named by a scanned entity code. */
  businessVerified: z.boolean(),
  /** When the current lead unit first contacted (or tried to reach) the owner. */
  firstContactAt: z.string().nullable().optional(),
  /** The business's other tickets (desks and offices only): terminated matters, and the earlier
   * replied or closed ones a termination may name. */
  businessRecord: z
    .array(
      z.object({
        id: z.string(),
        number: z.string(),
        title: z.string(),
        status: ticketStatusSchema,
        createdAt: z.string(),
      }),
    )
    .optional(),
})
export type StaffTicket = z.infer<typeof staffTicketSchema>

export const staffUnitSchema = z.object({
  id: z.string(),
  name: z.string(),
  level: z.enum(['region', 'city', 'county']),
  divisionCode: z.string(),
})
export const staffUnitsSchema = z.object({ units: z.array(staffUnitSchema) })
export type StaffUnit = z.infer<typeof staffUnitSchema>

/** A unit the responsibility list suggests for a ticket, with what matched. */
export const suggestedUnitSchema = staffUnitSchema.extend({
  /** The list's entry for the ticket's category and division names it lead or co-unit. */
  listedAs: z.enum(['lead', 'co']).nullable(),
  hits: z.number().int(),
  topics: z.array(z.string()),
  keywords: z.array(z.string()),
})
export const suggestedUnitsSchema = z.object({ units: z.array(suggestedUnitSchema) })
export type SuggestedUnit = z.infer<typeof suggestedUnitSchema>

/** `POST /api/devices`: the device's bearer credential, shown once. */
export const deviceCredentialSchema = z.object({ deviceId: z.string(), credential: z.string() })
export type DeviceCredential = z.infer<typeof deviceCredentialSchema>

/** `POST /api/devices/link`: send a one-time code to a contact phone used in earlier reports. */
export const linkRequestSchema = z.object({ phone: phoneSchema })
export const linkConfirmSchema = z.object({
  phone: phoneSchema,
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { message: 'invalid_code' }),
})
export const linkResultSchema = z.object({ linked: z.literal(true), tickets: z.number().int() })

/** One line of `GET /api/tickets`: the owner's tickets, newest first. */
export const ticketSummarySchema = ticketSchema.pick({
  id: true,
  number: true,
  code: true,
  status: true,
  category: true,
  title: true,
  createdAt: true,
  divisionCode: true,
  due: true,
  rating: true,
})
export type TicketSummary = z.infer<typeof ticketSummarySchema>
export const ticketListSchema = z.object({ tickets: z.array(ticketSummarySchema) })

/** `GET /api/receipts/:number?code=`: what anyone holding the receipt may see. */
export const receiptSchema = ticketSchema.pick({
  number: true,
  status: true,
  category: true,
  title: true,
  createdAt: true,
  divisionCode: true,
  due: true,
  history: true,
  reply: true,
})
export type Receipt = z.infer<typeof receiptSchema>

/** The owner's actions on a ticket; `id` is the client's idempotency key. */
export const materialInputSchema = z.object({ id: z.uuid(), text: text(2000) })
export type MaterialInput = z.infer<typeof materialInputSchema>
export const urgeInputSchema = z.object({
  id: z.uuid(),
  note: z.string().trim().max(500).optional(),
})
export type UrgeInput = z.infer<typeof urgeInputSchema>
export const withdrawInputSchema = z.object({
  id: z.uuid(),
  reason: z.string().trim().max(500).optional(),
})
export type WithdrawInput = z.infer<typeof withdrawInputSchema>

export const UNIT_LEVELS = ['region', 'city', 'county'] as const

/** A unit in the admin's list (`GET /api/staff/admin/units`), deactivated ones too. */
export const adminUnitSchema = staffUnitSchema.extend({
  isActive: z.boolean(),
  /** Tickets the unit holds (lead or co) that are not closed, withdrawn, refused or terminated. */
  openTickets: z.number().int(),
  createdAt: z.string(),
  retiredAt: z.string().nullable(),
})
export type AdminUnit = z.infer<typeof adminUnitSchema>
export const adminUnitsSchema = z.object({ units: z.array(adminUnitSchema) })

/** `POST /api/staff/admin/units`: the level must match the division (region, city, county). */
export const unitInputSchema = z.object({
  name: text(60),
  level: z.enum(UNIT_LEVELS),
  divisionCode: divisionCodeSchema,
})
export type UnitInput = z.infer<typeof unitInputSchema>

/** `PATCH /api/staff/admin/units/:id`: rename, deactivate (`active: false`) or reactivate. */
export const unitChangeSchema = z.object({
  name: text(60).optional(),
  active: z.boolean().optional(),
})
export type UnitChange = z.infer<typeof unitChangeSchema>

/** One entry of the responsibility list (责任清单): who leads a category in a division. */
export const responsibilityEntrySchema = z.object({
  divisionCode: z.string(),
  category: categorySchema,
  leadUnitId: z.string(),
  coUnitIds: z.array(z.string()),
  updatedAt: z.string(),
})
export type ResponsibilityEntry = z.infer<typeof responsibilityEntrySchema>
export const responsibilityEntriesSchema = z.object({
  entries: z.array(responsibilityEntrySchema),
})

/** `PUT /api/staff/admin/responsibilities/:divisionCode/:category`. */
export const responsibilityInputSchema = z.object({
  leadUnitId: unitId,
  coUnitIds: z.array(unitId).max(10).default([]),
})
export type ResponsibilityInput = z.input<typeof responsibilityInputSchema>

export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const

/** A day that differs from a plain Monday–Friday week, or that the office overrode. */
export const calendarDaySchema = z.object({
  date: z.string(),
  kind: z.enum(CALENDAR_DAY_KINDS),
  /** `regional`: Guangxi's own holiday (壮族三月三), computed from the lunar calendar. */
  source: z.enum(['package', 'override', 'regional']),
  /** The package's holiday name (春节 / Spring Festival); null for overrides. */
  name: z.object({ zh: z.string(), en: z.string() }).nullable(),
  note: z.string().nullable(),
})
export type CalendarDay = z.infer<typeof calendarDaySchema>

/** `GET /api/staff/calendar?year=`: deadlines in an uncovered year are provisional. */
export const calendarYearSchema = z.object({
  year: z.number().int(),
  /** The holiday package has this year; the office may not override it. */
  isPackageYear: z.boolean(),
  /** The office has marked its overrides of this year complete. */
  isMarkedComplete: z.boolean(),
  completeNote: z.string().nullable(),
  /** Package year or marked complete: deadlines in it are not provisional. */
  isCovered: z.boolean(),
  days: z.array(calendarDaySchema),
})
export type CalendarYear = z.infer<typeof calendarYearSchema>

export const CALENDAR_YEARS = { min: 2000, max: 2099 } as const
export const calendarYearNumberSchema = z.coerce
  .number()
  .int()
  .min(CALENDAR_YEARS.min, { message: 'invalid_year' })
  .max(CALENDAR_YEARS.max, { message: 'invalid_year' })
export const calendarQuerySchema = z.object({ year: calendarYearNumberSchema.optional() })

/** `PUT /api/staff/calendar/overrides/:date`. */
export const calendarOverrideInputSchema = z.object({
  kind: z.enum(CALENDAR_DAY_KINDS),
  note: z.string().trim().max(100).optional(),
})
export type CalendarOverrideInput = z.infer<typeof calendarOverrideInputSchema>
export const calendarOverrideSchema = calendarOverrideInputSchema.extend({
  date: z.string(),
  note: z.string().nullable(),
})

/** `PUT /api/staff/calendar/years/:year`: the office has entered every override of the year. */
export const calendarYearInputSchema = z.object({ note: z.string().trim().max(200).optional() })

/**
 * `POST /api/staff/intake`: a report taken by phone, at a window or handed down, registered by a
 * desk, a window clerk or a county workstation. The same fields as an owner's report (the staff
 * member's id for it is the client id), the channel, and for a matter handed down its source.
 * `entityToken`: a scanned entity code names the business.
 */
export const intakeInputSchema = reportInputSchema
  .omit({ servicePointToken: true })
  .extend({
    channel: z.enum(INTAKE_CHANNELS),
    handedDown: z.object({ issuer: text(100), documentNumber: text(60) }).optional(),
  })
  .superRefine((input, ctx) => {
    if (input.channel === 'handed_down' && !input.handedDown) {
      ctx.addIssue({ code: 'custom', path: ['handedDown'], message: 'required' })
    }
    if (input.channel !== 'handed_down' && input.handedDown) {
      ctx.addIssue({ code: 'custom', path: ['handedDown'], message: 'not_allowed' })
    }
  })
export type IntakeInput = z.infer<typeof intakeInputSchema>

/** The answer to an intake: the ticket with its receipt, which the clerk reads out or prints. */
export const intakeTicketSchema = staffTicketSchema.extend({
  code: z.string(),
  claimLink: z.string(),
})
export type IntakeTicket = z.infer<typeof intakeTicketSchema>

/** `GET /api/staff/businesses/:creditCode`: a business's earlier tickets, to see a repeat at once. */
export const businessHistorySchema = z.object({
  creditCode: z.string(),
  /** The most recent registered name seen with this code; null when none. */
  name: z.string().nullable(),
  kind: businessKindSchema.nullable(),
  tickets: z.array(
    z.object({
      number: z.string(),
      status: ticketStatusSchema,
      category: categorySchema,
      title: z.string(),
      createdAt: z.string(),
      channel: channelSchema,
    }),
  ),
})
export type BusinessHistory = z.infer<typeof businessHistorySchema>

/** `POST /api/claims`: the receipt of a registered report adds its ticket to this phone. */
export const claimInputSchema = z.object({
  number: z.string().trim().toUpperCase().min(1, { message: 'required' }).max(40),
  code: z.string().trim().toUpperCase().min(1, { message: 'required' }).max(40),
})
export type ClaimInput = z.infer<typeof claimInputSchema>

/** What an entity code (`/e/<token>`) names: one business, nothing personal. */
export const entityCodeSchema = z.object({
  creditCode: z.string(),
  name: z.string(),
  kind: businessKindSchema,
})
export type EntityCode = z.infer<typeof entityCodeSchema>

/** An entity code in the console, with its link (`<origin>/e/<token>`). */
export const staffEntityCodeSchema = entityCodeSchema.extend({
  id: z.string(),
  token: z.string(),
  link: z.string(),
  createdAt: z.string(),
  retiredAt: z.string().nullable(),
})
export type StaffEntityCode = z.infer<typeof staffEntityCodeSchema>
export const staffEntityCodesSchema = z.object({ codes: z.array(staffEntityCodeSchema) })

/** `POST /api/staff/entity-codes`: admins and window clerks issue a code for one business. */
export const entityCodeInputSchema = z.object({
  creditCode: creditCodeSchema,
  name: text(100),
  kind: businessKindSchema,
  creditCodeConfirmed: z.boolean().optional(),
})
export type EntityCodeInput = z.infer<typeof entityCodeInputSchema>

// Telling the owner outside the app (issue 15): Web Push subscriptions, SMS per ticket, admin view.

/** `GET /api/push/key`: the VAPID public key (base64url) the app subscribes with. */
export const pushKeySchema = z.object({ publicKey: z.string() })
export type PushKey = z.infer<typeof pushKeySchema>

export const NOTIFICATION_LOCALES = ['zh-CN', 'en'] as const
export type NotificationLocale = (typeof NOTIFICATION_LOCALES)[number]

/** `POST /api/push/subscriptions`: the browser's PushSubscription JSON, plus the app's language. */
export const pushSubscriptionInputSchema = z.object({
  endpoint: z.url().max(2048),
  expirationTime: z.number().nullable().optional(),
  keys: z.object({
    p256dh: z
      .string()
      .regex(/^[\w-]+=*$/, { message: 'invalid_key' })
      .min(80)
      .max(100),
    auth: z
      .string()
      .regex(/^[\w-]+=*$/, { message: 'invalid_key' })
      .min(16)
      .max(32),
  }),
  locale: z.enum(NOTIFICATION_LOCALES).optional(),
})
export type PushSubscriptionInput = z.infer<typeof pushSubscriptionInputSchema>

/** `DELETE /api/push/subscriptions`. */
export const pushUnsubscribeInputSchema = z.object({ endpoint: z.string().min(1).max(2048) })

/** `GET`/`PUT /api/tickets/:id/notifications`: whether this ticket's steps also go by SMS. */
export const ticketNotificationSettingsSchema = z.object({ sms: z.boolean() })
export type TicketNotificationSettings = z.infer<typeof ticketNotificationSettingsSchema>

export const NOTIFICATION_STATUSES = ['pending', 'sending', 'sent', 'failed', 'dropped'] as const

export const adminNotificationSchema = z.object({
  id: z.string(),
  channel: z.enum(['push', 'sms']),
  /** Masked phone (138****1234) or `push`. */
  recipient: z.string(),
  event: z.string(),
  ticketNumber: z.string().nullable(),
  status: z.enum(NOTIFICATION_STATUSES),
  attempts: z.number().int(),
  /** The provider's last answer, or the error. */
  answer: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
})
export type AdminNotification = z.infer<typeof adminNotificationSchema>

/** `GET /api/admin/notifications`: the newest messages and how many the sender gave up on. */
export const adminNotificationsSchema = z.object({
  failed: z.number().int(),
  recent: z.array(adminNotificationSchema),
})
export type AdminNotifications = z.infer<typeof adminNotificationsSchema>

/** What a guess-limit lockout counts (workflow/lockouts.ts; README, Security). */
export const LOCKOUT_KIND_VALUES = [
  'sign_in_from_address',
  'sign_in_username',
  'sign_in_address',
  'receipt_from_address',
  'receipt_number',
  'receipt_address',
] as const
export type LockoutKindValue = (typeof LOCKOUT_KIND_VALUES)[number]

/** `GET /api/staff/admin/lockouts`: a pair's subject reads `subject@address`. */
export const adminLockoutSchema = z.object({
  key: z.string(),
  kind: z.enum(LOCKOUT_KIND_VALUES),
  subject: z.string(),
  failures: z.number().int(),
  lockedUntil: z.string(),
})
export type AdminLockout = z.infer<typeof adminLockoutSchema>
export const adminLockoutsSchema = z.object({ lockouts: z.array(adminLockoutSchema) })
