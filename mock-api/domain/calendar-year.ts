/**
 * One year of the holiday calendar as the office reviews it: the days that differ from a plain
 * Monday–Friday week (package holidays on weekdays, make-up working days on weekends), Guangxi's
 * regional holidays (壮族三月三, shown even on a weekend so the office sees where they fall), and
 * every override of the year, which wins over both. A national package day wins over a regional
 * day of the same date, as in the calendar itself.
 */
import { weekdayOf, yearOf } from './china-time.js'
import type { ChinaDate } from './china-time.js'
import type { CalendarOverride, PackageDay } from './holidays.js'

export interface CalendarDay {
  date: ChinaDate
  kind: 'holiday' | 'workday'
  source: 'package' | 'override' | 'regional'
  /** The package's holiday name; null for overrides. */
  name: PackageDay['name']
  /** The office's note on an override. */
  note: string | null
}

const isWeekend = (date: ChinaDate) => [0, 6].includes(weekdayOf(date))

/** Whether the day's kind differs from what a plain Monday–Friday week says of its date. */
export const differsFromPlainWeek = (date: ChinaDate, kind: CalendarDay['kind']): boolean =>
  (kind === 'holiday') !== isWeekend(date)

export function calendarYearDays(
  year: number,
  packageDays: readonly PackageDay[],
  overrides: readonly CalendarOverride[],
  regionalDays: readonly PackageDay[] = [],
): CalendarDay[] {
  const days = new Map<ChinaDate, CalendarDay>()
  const national = new Set(packageDays.map((day) => day.date))
  for (const day of regionalDays) {
    if (yearOf(day.date) !== year || national.has(day.date)) continue
    days.set(day.date, { ...day, source: 'regional', note: null })
  }
  for (const day of packageDays) {
    if (yearOf(day.date) !== year || !differsFromPlainWeek(day.date, day.kind)) continue
    days.set(day.date, { ...day, source: 'package', note: null })
  }
  for (const { date, kind, note } of overrides) {
    if (yearOf(date) !== year) continue
    days.set(date, { date, kind, source: 'override', name: null, note: note ?? null })
  }
  return [...days.values()].sort((a, b) => a.date.localeCompare(b.date))
}
