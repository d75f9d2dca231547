// The holiday calendar (DOMAIN.md "Categories and deadlines"): a year's view for every staff
// member, and the region office's (or an admin's) edits: day overrides and marking a year entered
// in full. One calendar serves the whole region, so a city office reads it and changes nothing.
// In a year the holiday package covers, the State Council's own days stay as the package has them;
// every other date (三月三 and the region's arrangement around it) may be overridden. Every change
// drops the cached calendar, so the next deadline uses it.
import type { FastifyPluginCallback, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { AppDeps } from '../deps/app-deps.js'
import type { CalendarYear } from '../contract.js'
import {
  CALENDAR_YEARS,
  calendarOverrideInputSchema,
  calendarQuerySchema,
  calendarYearInputSchema,
  calendarYearNumberSchema,
} from '../contract.js'
import { calendarYearDays } from '../domain/calendar-year.js'
import { chinaDateOf, isChinaDate, yearOf } from '../domain/china-time.js'
import {
  isNationalPackageDay,
  isPackageYear,
  packageDaysIn,
  regionalDaysIn,
} from '../domain/holidays.js'
import { REGION_CODE } from '../domain/jurisdiction.js'
import { problemFor } from '../plugins/problems.js'
import { requireStaff, staffOf } from '../plugins/staff-auth.js'
import type { AuditAction } from '../storage/audit.js'
import { recordAudit } from '../storage/audit.js'
import {
  deleteCalendarOverride,
  findCompleteYear,
  listCalendarOverrides,
  markYearComplete,
  putCalendarOverride,
  unmarkYearComplete,
} from '../storage/calendar.js'
import type { Database } from '../storage/database.js'
import { nationalDay, notCalendarKeeper, packageYear } from '../workflow/admin-problems.js'
import { invalidateCalendar } from '../workflow/calendar.js'

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

const noteOf = (note: string | undefined) => (note === undefined || note === '' ? null : note)

export async function loadCalendarYear(db: Kysely<Database>, year: number): Promise<CalendarYear> {
  const [overrides, complete] = await Promise.all([
    listCalendarOverrides(db),
    findCompleteYear(db, year),
  ])
  const days = calendarYearDays(
    year,
    packageDaysIn(year),
    overrides.map(({ date, kind, note }) => ({ date, kind, ...(note === null ? {} : { note }) })),
    regionalDaysIn(year),
  )
  return {
    year,
    isPackageYear: isPackageYear(year),
    isMarkedComplete: complete !== null,
    completeNote: complete?.note ?? null,
    isCovered: isPackageYear(year) || complete !== null,
    days,
  }
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

  /** Runs the change and its audit entry in one transaction, then drops the cached calendar. */
  async function change(
    request: FastifyRequest,
    action: AuditAction,
    detail: Readonly<Record<string, unknown>>,
    write: (trx: Kysely<Database>) => Promise<boolean>,
  ): Promise<void> {
    const at = deps.clock.now()
    await db.transaction().execute(async (trx) => {
      if (!(await write(trx))) return
      await recordAudit(trx, { staffId: staffOf(request).id, action, ticketId: null, detail, at })
    })
    invalidateCalendar(db)
  }

  app.get('/staff/calendar', readers, async (request) => {
    const query = calendarQuerySchema.parse(request.query)
    return loadCalendarYear(db, query.year ?? yearOf(chinaDateOf(deps.clock.now())))
  })

  app.put('/staff/calendar/overrides/:date', keepers, async (request) => {
    const { date } = pathDate(request)
    const input = calendarOverrideInputSchema.parse(request.body)
    if (isNationalPackageDay(date)) throw nationalDay(date)
    const override = { date, kind: input.kind, note: noteOf(input.note) }
    await change(request, 'calendar_override_set', override, async (trx) => {
      await putCalendarOverride(trx, override, staffOf(request).id, deps.clock.now())
      return true
    })
    return override
  })

  app.delete('/staff/calendar/overrides/:date', keepers, async (request, reply) => {
    const { date } = pathDate(request)
    await change(request, 'calendar_override_removed', { date }, async (trx) =>
      Boolean(await deleteCalendarOverride(trx, date)),
    )
    return reply.code(204).send()
  })

  app.put('/staff/calendar/years/:year', keepers, async (request) => {
    const year = pathYear(request)
    const input = calendarYearInputSchema.parse(request.body)
    if (isPackageYear(year)) throw packageYear(year)
    const note = noteOf(input.note)
    await change(request, 'calendar_year_marked', { year, note }, async (trx) => {
      await markYearComplete(trx, { year, note }, deps.clock.now())
      return true
    })
    return loadCalendarYear(db, year)
  })

  app.delete('/staff/calendar/years/:year', keepers, async (request, reply) => {
    const year = pathYear(request)
    await change(request, 'calendar_year_unmarked', { year }, (trx) =>
      unmarkYearComplete(trx, year),
    )
    return reply.code(204).send()
  })
  done()
}
