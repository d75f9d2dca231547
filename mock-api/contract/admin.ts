// Reference data the admin and offices keep: accounts, units, the responsibility list, the
// holiday calendar, notifications and lockouts.
import { z } from 'zod'
import { DIVISIONS } from '../shared/divisions.js'
import type { StaffRole } from './common.js'
import { categorySchema, divisionCodeSchema, staffRoleSchema } from './common.js'
import { text, unitId } from './fields.js'
import { staffUnitSchema } from './staff.js'

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
