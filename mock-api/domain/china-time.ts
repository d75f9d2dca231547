/**
 * Calendar dates and instants in China time (Asia/Shanghai). China has kept UTC+8 without daylight
 * saving since 1991, so a fixed +08:00 offset is exact for every date we handle and keeps Intl out
 * of the hot paths. A `ChinaDate` is a 'YYYY-MM-DD' string; an instant is a `Date`.
 */

/** A calendar date in China time, 'YYYY-MM-DD'. */
export type ChinaDate = string

const DAY_MS = 86_400_000
const OFFSET_MS = 8 * 3_600_000
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/

function dayNumberOf(date: ChinaDate): number {
  const match = DATE_PATTERN.exec(date)
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${date}`)
  const [, year, month, day] = match.map(Number) as [number, number, number, number]
  const ms = Date.UTC(year, month - 1, day)
  const check = new Date(ms)
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1) {
    throw new RangeError(`no such date: ${date}`)
  }
  return ms / DAY_MS
}

const dateOfDayNumber = (dayNumber: number): ChinaDate =>
  new Date(dayNumber * DAY_MS).toISOString().slice(0, 10)

/** True for a well-formed 'YYYY-MM-DD' string naming a real calendar date. */
export function isChinaDate(value: string): boolean {
  try {
    dayNumberOf(value)
    return true
  } catch {
    return false
  }
}

/** The China calendar date on which `instant` falls (15:59:59.999Z is still the same date; 16:00Z is the next). */
export function chinaDateOf(instant: Date): ChinaDate {
  return dateOfDayNumber(Math.floor((instant.getTime() + OFFSET_MS) / DAY_MS))
}

/** The date `days` calendar days after `date` (negative goes back). */
export function addCalendarDays(date: ChinaDate, days: number): ChinaDate {
  return dateOfDayNumber(dayNumberOf(date) + days)
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function calendarDaysBetween(from: ChinaDate, to: ChinaDate): number {
  return dayNumberOf(to) - dayNumberOf(from)
}

/** Day of the week of a China date: 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: ChinaDate): number {
  return (dayNumberOf(date) + 4) % 7 // 1970-01-01 was a Thursday
}

export const yearOf = (date: ChinaDate): number => Number(date.slice(0, 4))

/**
 * The instant at which `date` ends: 24:00 China time, which is the next day's 00:00 +08:00.
 * Deadlines are stored as this instant, so "overdue" is simply `now >= at`.
 */
export function endOfChinaDate(date: ChinaDate): Date {
  return new Date((dayNumberOf(date) + 1) * DAY_MS - OFFSET_MS)
}

/**
 * ISO 8601 with the +08:00 offset and whole seconds, e.g. '2026-03-06T00:00:00+08:00'. The end of
 * a day is written as the next day's 00:00 (never 'T24:00', which many parsers refuse); a UI that
 * shows deadlines turns an exact 00:00 back into "previous day 24:00".
 */
export function toChinaIso(instant: Date): string {
  const shifted = new Date(instant.getTime() + OFFSET_MS).toISOString()
  return `${shifted.slice(0, 19)}+08:00`
}
