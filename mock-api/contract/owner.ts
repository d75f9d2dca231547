// What the business owner's app sends and reads: reports, devices, its tickets, receipts, claims,
// the scanned codes and notifications.
import { z } from 'zod'
import {
  businessKindSchema,
  categorySchema,
  creditCodeSchema,
  divisionCodeSchema,
  phoneSchema,
} from './common.js'
import { text } from './fields.js'
import { ticketSchema } from './tickets.js'

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
