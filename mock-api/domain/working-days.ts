/**
 * Working-day arithmetic on China calendar dates (see china-time.ts). DOMAIN.md's counting rule:
 * the start day is never counted, and a deadline ends at 24:00 China time on the Nth working day.
 * A result is provisional when a day it consulted lies in a year the calendar does not cover.
 * Invariant: countWorkingDays(start, any instant on addWorkingDays(start, n).date) === n.
 */
import { addCalendarDays, calendarDaysBetween, chinaDateOf, endOfChinaDate } from './china-time.js'
import type { ChinaDate } from './china-time.js'
import type { HolidayCalendar } from './holidays.js'

export interface WorkingDate {
  date: ChinaDate
  provisional: boolean
}

export interface Deadline extends WorkingDate {
  /** 24:00 China time at the end of `date` (the next day's 00:00 +08:00). */
  at: Date
}

// Ten years without a working day can only mean a broken override table.
const MAX_SCAN_DAYS = 3660

/**
 * The China date of the `days`-th working day after `from`'s China date; `from`'s own date is not
 * counted, whatever the time of day. `days` is a whole number ≥ 1.
 */
export function addWorkingDays(from: Date, days: number, calendar: HolidayCalendar): WorkingDate {
  if (!Number.isInteger(days) || days < 1) {
    throw new RangeError(`working days must be a whole number ≥ 1, got ${days}`)
  }
  let date = chinaDateOf(from)
  let provisional = false
  let remaining = days
  for (let scanned = 0; remaining > 0; scanned++) {
    if (scanned > MAX_SCAN_DAYS) throw new RangeError(`no working day after ${date}`)
    date = addCalendarDays(date, 1)
    if (!calendar.isCovered(date)) provisional = true
    if (calendar.isWorkingDay(date)) remaining--
  }
  return { date, provisional }
}

/** The instant a `days`-working-day clock started at `from` runs out: 24:00 China time of its last day. */
export function deadlineAfter(from: Date, days: number, calendar: HolidayCalendar): Deadline {
  const last = addWorkingDays(from, days, calendar)
  return { ...last, at: endOfChinaDate(last.date) }
}

/**
 * Working days after `from`'s date up to and including `to`'s date (both China dates). Negative,
 * with the same rule mirrored, when `to`'s date is earlier: -countWorkingDays(to, from).
 */
export function countWorkingDays(from: Date, to: Date, calendar: HolidayCalendar): number {
  return countBetweenDates(chinaDateOf(from), chinaDateOf(to), calendar)
}

/**
 * Whole working days after `now`'s date until a deadline at `dueAt` runs out: 0 on the last day,
 * 1 on the working day before it, negative (working days late) once the last day has passed.
 */
export function workingDaysLeft(now: Date, dueAt: Date, calendar: HolidayCalendar): number {
  // A deadline at 24:00 is the next day's 00:00; its last day is the date one instant earlier.
  const lastDay = chinaDateOf(new Date(dueAt.getTime() - 1))
  return countBetweenDates(chinaDateOf(now), lastDay, calendar)
}

// Counts asked for again and again (every ticket read asks how many working days its due has
// left today): kept per calendar, which never changes once built (an override edit builds a new one).
const countMemos = new WeakMap<HolidayCalendar, Map<string, number>>()
const COUNT_MEMO_LIMIT = 10_000

function countBetweenDates(from: ChinaDate, to: ChinaDate, calendar: HolidayCalendar): number {
  let memo = countMemos.get(calendar)
  if (!memo) {
    memo = new Map()
    countMemos.set(calendar, memo)
  }
  const key = `${from}/${to}`
  let count = memo.get(key)
  if (count === undefined) {
    count = countDayByDay(from, to, calendar)
    if (memo.size >= COUNT_MEMO_LIMIT) memo.clear()
    memo.set(key, count)
  }
  return count
}

function countDayByDay(from: ChinaDate, to: ChinaDate, calendar: HolidayCalendar): number {
  const span = calendarDaysBetween(from, to)
  const start = span >= 0 ? from : to
  let count = 0
  for (let offset = 1; offset <= Math.abs(span); offset++) {
    if (calendar.isWorkingDay(addCalendarDays(start, offset))) count++
  }
  return span >= 0 ? count : -count
}
