/**
 * The official holiday calendar (State Council 放假安排, including weekend make-up working days
 * 调休上班) from the maintained `chinese-days` package, which only this module imports, plus
 * Guangxi's regional holiday 壮族三月三 (the 3rd and 4th days of the third lunar month, every year,
 * from the package's lunar calendar), plus an override table the region office edits. A year is
 * covered when the package has it or the office has marked its overrides complete; in any other
 * year a day is judged Monday–Friday (plus the regional days) and is provisional.
 */
import chineseDays from 'chinese-days'
import packageData from 'chinese-days/dist/chinese-days.json' with { type: 'json' }
import { isChinaDate, weekdayOf, yearOf } from './china-time.js'
import type { ChinaDate } from './china-time.js'

export interface CalendarOverride {
  date: ChinaDate
  /** 'holiday' closes a day that would be worked; 'workday' opens a weekend or holiday. */
  kind: 'holiday' | 'workday'
  note?: string
}

export interface HolidayCalendarOptions {
  /** Win over the package data. */
  overrides?: readonly CalendarOverride[]
  /** Years whose overrides the office has entered in full; they count as covered. */
  completeYears?: readonly number[]
}

export interface HolidayCalendar {
  /** Whether government offices work on this China date. */
  isWorkingDay(date: ChinaDate): boolean
  /** False when the date's year has neither package data nor complete overrides (answer is provisional). */
  isCovered(date: ChinaDate): boolean
  /** Covered years, ascending. */
  readonly coveredYears: readonly number[]
}

interface DayTables {
  holidays: Readonly<Record<string, string>>
  workdays: Readonly<Record<string, string>>
}

const PACKAGE_DAYS: DayTables = packageData

function yearsIn(tables: DayTables): Set<number> {
  return new Set([...Object.keys(tables.holidays), ...Object.keys(tables.workdays)].map(yearOf))
}

function indexOverrides(overrides: readonly CalendarOverride[]): Map<ChinaDate, boolean> {
  const working = new Map<ChinaDate, boolean>()
  for (const { date, kind } of overrides) {
    if (!isChinaDate(date)) throw new RangeError(`calendar override has a bad date: ${date}`)
    const isWorking = kind === 'workday'
    if (working.get(date) === !isWorking) {
      throw new RangeError(`calendar overrides disagree on ${date}`)
    }
    working.set(date, isWorking)
  }
  return working
}

const PACKAGE_YEARS = yearsIn(PACKAGE_DAYS)

/** Whether the package carries the State Council's arrangement for `year`. */
export const isPackageYear = (year: number): boolean => PACKAGE_YEARS.has(year)

export interface PackageDay {
  date: ChinaDate
  kind: 'holiday' | 'workday'
  /** The holiday it belongs to, from the package's "Spring Festival,春节,4". */
  name: { zh: string; en: string } | null
}

function nameOf(value: string): PackageDay['name'] {
  const [en, zh] = value.split(',')
  return en && zh ? { zh, en } : null
}

/** The package's holidays and make-up working days in `year`, by date. */
export function packageDaysIn(year: number): PackageDay[] {
  const inYear = (kind: PackageDay['kind'], table: Readonly<Record<string, string>>) =>
    Object.entries(table)
      .filter(([date]) => yearOf(date) === year)
      .map(([date, value]): PackageDay => ({ date, kind, name: nameOf(value) }))
  return [
    ...inYear('holiday', PACKAGE_DAYS.holidays),
    ...inYear('workday', PACKAGE_DAYS.workdays),
  ].sort((a, b) => a.date.localeCompare(b.date))
}

/** 壮族三月三 (自治区人民政府令第98号): a regional public holiday in Guangxi. */
export const REGIONAL_HOLIDAY_NAME = { zh: '壮族三月三', en: 'Zhuang Sanyuesan' } as const

// The package's lunar table spans lunar years 1900-2100; outside it there is no regional day.
const LUNAR_YEARS = { min: 1901, max: 2099 } as const
const regionalMemo = new Map<number, readonly PackageDay[]>()

/**
 * Guangxi's regional holidays in `year`: the 3rd and 4th days of the third lunar month (never
 * the leap third month, 闰三月), which always fall in March or April of the same solar year.
 */
export function regionalDaysIn(year: number): readonly PackageDay[] {
  if (!Number.isInteger(year) || year < LUNAR_YEARS.min || year > LUNAR_YEARS.max) return []
  let days = regionalMemo.get(year)
  if (!days) {
    days = [3, 4].map((day) => ({
      date: chineseDays.getSolarDateFromLunar(`${year}-03-0${day}`).date,
      kind: 'holiday' as const,
      name: { ...REGIONAL_HOLIDAY_NAME },
    }))
    regionalMemo.set(year, days)
  }
  return days
}

const isRegionalHoliday = (date: ChinaDate): boolean =>
  regionalDaysIn(yearOf(date)).some((day) => day.date === date)

/** Whether the State Council arrangement in the package names this date (holiday or workday). */
export const isNationalPackageDay = (date: ChinaDate): boolean =>
  Object.hasOwn(PACKAGE_DAYS.workdays, date) || Object.hasOwn(PACKAGE_DAYS.holidays, date)

/** Builds the calendar from the package data and the office's overrides. */
export function createHolidayCalendar(options: HolidayCalendarOptions = {}): HolidayCalendar {
  const overrides = indexOverrides(options.overrides ?? [])
  const covered = new Set(PACKAGE_YEARS)
  for (const year of options.completeYears ?? []) covered.add(year)
  const coveredYears = [...covered].sort((a, b) => a - b)

  return {
    coveredYears,
    isCovered: (date) => covered.has(yearOf(date)),
    isWorkingDay(date) {
      const override = overrides.get(date)
      if (override !== undefined) return override
      if (Object.hasOwn(PACKAGE_DAYS.workdays, date)) return true
      if (Object.hasOwn(PACKAGE_DAYS.holidays, date)) return false
      // National days stay as the package has them; the region's own come next.
      if (isRegionalHoliday(date)) return false
      const weekday = weekdayOf(date)
      return weekday !== 0 && weekday !== 6
    },
  }
}
