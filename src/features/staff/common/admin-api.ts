/**
 * The console's requests for reference data: the admin's units and responsibility list, and the
 * offices' holiday calendar. Each answer is parsed with the contract's schema, as in api.ts.
 */
import type { z } from 'zod'
import {
  adminLockoutsSchema,
  adminNotificationsSchema,
  adminUnitSchema,
  adminUnitsSchema,
  calendarOverrideSchema,
  calendarYearSchema,
  responsibilityEntriesSchema,
  responsibilityEntrySchema,
  type CalendarOverrideInput,
  type Category,
  type ResponsibilityInput,
  type UnitChange,
  type UnitInput,
} from '../../../../mock-api/contract'
import { request, type RequestOptions } from '@/lib/http'

type Method = NonNullable<RequestOptions['method']>

async function send<T>(method: Method, path: string, schema: z.ZodType<T>, value?: unknown) {
  const body = value === undefined ? {} : { body: { kind: 'json' as const, value } }
  const answer = await request({ method, path, ...body })
  return schema.parse(answer.body)
}

async function remove(path: string): Promise<void> {
  await request({ method: 'DELETE', path })
}

const unitPath = (id: string) => `/staff/admin/units/${encodeURIComponent(id)}`
const entryPath = (divisionCode: string, category: Category) =>
  `/staff/admin/responsibilities/${encodeURIComponent(divisionCode)}/${category}`
const overridePath = (date: string) => `/staff/calendar/overrides/${encodeURIComponent(date)}`
const yearPath = (year: number) => `/staff/calendar/years/${year}`

export const fetchAdminUnits = () => send('GET', '/staff/admin/units', adminUnitsSchema)
export const createUnit = (input: UnitInput) =>
  send('POST', '/staff/admin/units', adminUnitSchema, input)
export const changeUnit = (id: string, change: UnitChange) =>
  send('PATCH', unitPath(id), adminUnitSchema, change)

export const fetchResponsibilities = () =>
  send('GET', '/staff/admin/responsibilities', responsibilityEntriesSchema)

export type EntryKey = { divisionCode: string; category: Category }

export const putResponsibility = (key: EntryKey, input: ResponsibilityInput) =>
  send('PUT', entryPath(key.divisionCode, key.category), responsibilityEntrySchema, input)
export const removeResponsibility = (key: EntryKey) =>
  remove(entryPath(key.divisionCode, key.category))

export const fetchCalendarYear = (year: number) =>
  send('GET', `/staff/calendar?year=${year}`, calendarYearSchema)
export const putOverride = (date: string, input: CalendarOverrideInput) =>
  send('PUT', overridePath(date), calendarOverrideSchema, input)
export const removeOverride = (date: string) => remove(overridePath(date))
export const markYearComplete = (year: number, note: string) =>
  send('PUT', yearPath(year), calendarYearSchema, note === '' ? {} : { note })
export const unmarkYearComplete = (year: number) => remove(yearPath(year))

export const fetchAdminNotifications = () =>
  send('GET', '/staff/admin/notifications', adminNotificationsSchema)

export const fetchLockouts = () => send('GET', '/staff/admin/lockouts', adminLockoutsSchema)
export const clearLockout = (key: string) =>
  remove(`/staff/admin/lockouts/${encodeURIComponent(key)}`)
