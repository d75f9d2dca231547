// The holiday calendar (DOMAIN.md "Categories and deadlines"): a year's view for every staff
// member, and the region office's (or an admin's) edits: day overrides and marking a year entered
// in full. One calendar serves the whole region, so a city office reads it and changes nothing.
// In a year the holiday package covers, the State Council's own days stay as the package has them;
// every other date (三月三 and the region's arrangement around it) may be overridden. Every change
// drops the cached calendar, so the next deadline uses it. Those rules and the audit are in
// workflow/calendar-edits.ts; this file parses, guards the keepers and answers.
import type { FastifyPluginCallback, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { AppDeps } from '../deps/app-deps.js'
import {
  CALENDAR_YEARS,
  calendarOverrideInputSchema,
  calendarQuerySchema,
  calendarYearInputSchema,
  calendarYearNumberSchema,
} from '../contract.js'
import { chinaDateOf, isChinaDate, yearOf } from '../domain/china-time.js'
import { REGION_CODE } from '../domain/jurisdiction.js'
import { problemFor } from '../plugins/problems.js'
import { requireStaff, staffOf } from '../plugins/staff-auth.js'
import { notCalendarKeeper } from '../workflow/admin-problems.js'
import {
  loadCalendarYear,
  markCalendarYear,
  removeCalendarOverride,
  setCalendarOverride,
  unmarkCalendarYear,
} from '../workflow/calendar-edits.js'

/** Who keeps the calendar: the region office and the admin (see isCalendarKeeper). */
export const CALENDAR_KEEPERS = ['office', 'admin'] as const
/** Who reads it: every staff role that works with deadlines. */
export const CALENDAR_READERS = ['desk', 'unit', 'office', 'admin'] as const

/** The region office and admins keep the region's one calendar; city offices only read it. */
export const isCalendarKeeper = (staff: { role: string; divisionCode: string | null }): boolean =>
  staff.role === 'admin' || (staff.role === 'office' && staff.divisionCode === REGION_CODE)

export const dateParams = z.object({ date: z.string().refine(isChinaDate) })
export const yearParams = z.object({ year: calendarYearNumberSchema })

// A path that names no date or year in range names nothing: 404, as a missing id would.
function pathDate(request: FastifyRequest): { date: string; year: number } {
  const parsed = dateParams.safeParse(request.params)
  if (!parsed.success) throw problemFor(404)
  const year = yearOf(parsed.data.date)
  if (year < CALENDAR_YEARS.min || year > CALENDAR_YEARS.max) throw problemFor(404)
  return { date: parsed.data.date, year }
}

function pathYear(request: FastifyRequest): number {
  const parsed = yearParams.safeParse(request.params)
  if (!parsed.success) throw problemFor(404)
  return parsed.data.year
}

export const calendarOverrideRoutes: FastifyPluginCallback<AppDeps> = (app, deps, done) => {
  const db = deps.db.db
  const readers = { preHandler: requireStaff(deps, CALENDAR_READERS) }
  const keepers = {
    preHandler: [
      requireStaff(deps, CALENDAR_KEEPERS),
      (request: FastifyRequest) => {
        if (!isCalendarKeeper(staffOf(request))) return Promise.reject(notCalendarKeeper())
        return Promise.resolve()
      },
    ],
  }
  const editor = (request: FastifyRequest) => ({
    staffId: staffOf(request).id,
    at: deps.clock.now(),
  })

  app.get('/staff/calendar', readers, async (request) => {
    const query = calendarQuerySchema.parse(request.query)
    return loadCalendarYear(db, query.year ?? yearOf(chinaDateOf(deps.clock.now())))
  })

  app.put('/staff/calendar/overrides/:date', keepers, async (request) => {
    const { date } = pathDate(request)
    const input = calendarOverrideInputSchema.parse(request.body)
    return setCalendarOverride(db, date, input, editor(request))
  })

  app.delete('/staff/calendar/overrides/:date', keepers, async (request, reply) => {
    const { date } = pathDate(request)
    await removeCalendarOverride(db, date, editor(request))
    return reply.code(204).send()
  })

  app.put('/staff/calendar/years/:year', keepers, async (request) => {
    const year = pathYear(request)
    const input = calendarYearInputSchema.parse(request.body)
    return markCalendarYear(db, year, input, editor(request))
  })

  app.delete('/staff/calendar/years/:year', keepers, async (request, reply) => {
    await unmarkCalendarYear(db, pathYear(request), editor(request))
    return reply.code(204).send()
  })
  done()
}
