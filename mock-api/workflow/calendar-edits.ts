// The holiday calendar's year view for every staff member, and the keeper's edits: day overrides
// and marking a year entered in full. In a year the holiday package covers, the State Council's
// own days stay as the package has them; every other date may be overridden. Each edit and its
// audit entry share one transaction, then the cached calendar is dropped (calendar.ts), so the
// next deadline uses it.
import type { Kysely } from 'kysely'
import type { CalendarOverrideInput, CalendarYear } from '../contract.js'
import { calendarYearDays } from '../domain/calendar-year.js'
import {
  isNationalPackageDay,
  isPackageYear,
  packageDaysIn,
  regionalDaysIn,
} from '../domain/holidays.js'
import type { AuditAction } from '../storage/audit.js'
import { recordAudit } from '../storage/audit.js'
import type { StoredOverride } from '../storage/calendar.js'
import {
  deleteCalendarOverride,
  findCompleteYear,
  listCalendarOverrides,
  markYearComplete,
  putCalendarOverride,
  unmarkYearComplete,
} from '../storage/calendar.js'
import type { Database } from '../storage/database.js'
import type { EditedBy } from './admin-problems.js'
import { nationalDay, packageYear } from './admin-problems.js'
import { invalidateCalendar, toDayOverride } from './calendar.js'

type Db = Kysely<Database>

const noteOf = (note: string | undefined) => (note === undefined || note === '' ? null : note)

/** The year's days that differ from a plain week, and whether the year is covered. */
export async function loadCalendarYear(db: Db, year: number): Promise<CalendarYear> {
  const [overrides, complete] = await Promise.all([
    listCalendarOverrides(db),
    findCompleteYear(db, year),
  ])
  const days = calendarYearDays(
    year,
    packageDaysIn(year),
    overrides.map(toDayOverride),
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

/** Runs the change and its audit entry in one transaction, then drops the cached calendar. */
async function change(
  db: Db,
  by: EditedBy,
  action: AuditAction,
  detail: Readonly<Record<string, unknown>>,
  write: (trx: Db) => Promise<boolean>,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (!(await write(trx))) return
    await recordAudit(trx, { staffId: by.staffId, action, ticketId: null, detail, at: by.at })
  })
  invalidateCalendar(db)
}

/** Sets the date's override; a State Council day of the package is refused. */
export async function setCalendarOverride(
  db: Db,
  date: string,
  input: CalendarOverrideInput,
  by: EditedBy,
): Promise<StoredOverride> {
  if (isNationalPackageDay(date)) throw nationalDay(date)
  const override = { date, kind: input.kind, note: noteOf(input.note) }
  await change(db, by, 'calendar_override_set', override, async (trx) => {
    await putCalendarOverride(trx, override, by.staffId, by.at)
    return true
  })
  return override
}

/** Removes the date's override, audited when there was one. */
export function removeCalendarOverride(db: Db, date: string, by: EditedBy): Promise<void> {
  return change(db, by, 'calendar_override_removed', { date }, async (trx) =>
    Boolean(await deleteCalendarOverride(trx, date)),
  )
}

/** Marks a year entered in full; a year of the holiday package is refused. */
export async function markCalendarYear(
  db: Db,
  year: number,
  input: { note?: string },
  by: EditedBy,
): Promise<CalendarYear> {
  if (isPackageYear(year)) throw packageYear(year)
  const note = noteOf(input.note)
  await change(db, by, 'calendar_year_marked', { year, note }, async (trx) => {
    await markYearComplete(trx, { year, note }, by.at)
    return true
  })
  return loadCalendarYear(db, year)
}

/** Takes the mark off a year, audited when it was marked. */
export function unmarkCalendarYear(db: Db, year: number, by: EditedBy): Promise<void> {
  return change(db, by, 'calendar_year_unmarked', { year }, (trx) => unmarkYearComplete(trx, year))
}
