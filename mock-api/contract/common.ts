// The vocabulary every audience shares: categories, statuses, channels, roles, due steps, and
// the division, phone and credit-code checks.
import { z } from 'zod'
import { DIVISIONS } from '../shared/divisions.js'
import { hasKnownAuthority } from '../shared/credit-code.js'
import { BUSINESS_KINDS, CATEGORIES, HANDLING_WORKING_DAYS } from '../shared/report-choices.js'

export { BUSINESS_KINDS, CATEGORIES, HANDLING_WORKING_DAYS }

export const categorySchema = z.enum(CATEGORIES)
export type Category = z.infer<typeof categorySchema>

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
