// The staff console's shapes: session, queues, the staff ticket, units, service points, intake,
// entity codes.
import { z } from 'zod'
import {
  INTAKE_CHANNELS,
  businessKindSchema,
  categorySchema,
  channelSchema,
  creditCodeSchema,
  divisionCodeSchema,
  staffRoleSchema,
  ticketStatusSchema,
} from './common.js'
import { text } from './fields.js'
import { dueSchema, historyEntrySchema, ticketSchema } from './tickets.js'
import { entityCodeSchema, reportInputSchema, servicePointSchema } from './owner.js'

/** A service point in the staff console, with its code's link (`<origin>/q/<token>`). */
export const staffServicePointSchema = servicePointSchema.extend({
  link: z.string(),
  /** What a person who cannot scan types (issue 17): `shortLink` is `<origin>/w/<shortCode>`. */
  shortCode: z.string(),
  shortLink: z.string(),
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
export type StaffQueue = z.infer<typeof staffQueueSchema>

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
