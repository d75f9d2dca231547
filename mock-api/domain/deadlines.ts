/**
 * The clocks of DOMAIN.md in working days, and the flags a due carries on the wire. A due is
 * stored as its instant (24:00 China time of its last day) plus `provisional`; near-due, overdue
 * and working days left depend on `now`, so they are derived on every read, never stored.
 */
import type { Category, Due, DueStep } from '../contract.js'
import { HANDLING_WORKING_DAYS } from '../contract.js'
import { chinaDateOf, endOfChinaDate, isChinaDate, toChinaIso } from './china-time.js'
import type { ChinaDate } from './china-time.js'
import type { HolidayCalendar } from './holidays.js'
import { deadlineAfter, workingDaysLeft } from './working-days.js'

export const SLA_WORKING_DAYS = {
  acceptance: 1,
  handling: HANDLING_WORKING_DAYS satisfies Record<Category, number>,
  /** 分办: the desk dispatches, refers or answers an accepted or returned ticket. */
  dispatch: 1,
  /** The office picks a lead unit, or decides an escalation. */
  coordination: 1,
  /** The office or desk decides on a dissatisfied rating. */
  review: 1,
  /** After this the ticket closes with rating "none". */
  rating: 3,
  /** A unit may return a mis-routed ticket within this window from dispatch. */
  returnAsMisrouted: 1,
  /** A due is near when at most this many working days are left. */
  nearDue: 1,
} as const

export interface StepDue {
  step: DueStep
  /** 24:00 China time of the last day. */
  at: Date
  provisional: boolean
}

export interface DueFlags {
  nearDue: boolean
  overdue: boolean
  workingDaysLeft: number
}

export type ExtensionRefusal = {
  ok: false
  reason: 'invalid_date' | 'not_a_working_day' | 'not_after_due'
}

/** Working days allowed for a step; only handling depends on the category. */
export function workingDaysFor(step: DueStep, category: Category): number {
  return step === 'handling' ? SLA_WORKING_DAYS.handling[category] : SLA_WORKING_DAYS[step]
}

/** The due of a clock for `step` started at `startedAt` (that day not counted). */
export function dueFor(
  step: DueStep,
  category: Category,
  startedAt: Date,
  calendar: HolidayCalendar,
): StepDue {
  const { at, provisional } = deadlineAfter(startedAt, workingDaysFor(step, category), calendar)
  return { step, at, provisional }
}

/** Overdue from the due instant on; near due when not overdue and ≤ 1 working day is left. */
export function dueStatus(due: { at: Date }, now: Date, calendar: HolidayCalendar): DueFlags {
  const overdue = now.getTime() >= due.at.getTime()
  const left = workingDaysLeft(now, due.at, calendar)
  return { overdue, nearDue: !overdue && left <= SLA_WORKING_DAYS.nearDue, workingDaysLeft: left }
}

/**
 * An approved extension: the due moves to 24:00 China time of `until`. Refused when `until` is not
 * a date, not a working day, or does not end after the current due.
 */
export function extendTo(
  until: ChinaDate,
  current: StepDue,
  calendar: HolidayCalendar,
): { ok: true; due: StepDue } | ExtensionRefusal {
  if (!isChinaDate(until)) return { ok: false, reason: 'invalid_date' }
  if (!calendar.isWorkingDay(until)) return { ok: false, reason: 'not_a_working_day' }
  const at = endOfChinaDate(until)
  if (at.getTime() <= current.at.getTime()) return { ok: false, reason: 'not_after_due' }
  return { ok: true, due: { step: current.step, at, provisional: !calendar.isCovered(until) } }
}

/** When a unit can no longer return a ticket dispatched at `dispatchedAt` as mis-routed. */
export function returnWindowEnd(dispatchedAt: Date, calendar: HolidayCalendar): Date {
  return deadlineAfter(dispatchedAt, SLA_WORKING_DAYS.returnAsMisrouted, calendar).at
}

/** Whether a unit may still return a ticket dispatched at `dispatchedAt` as mis-routed. */
export function isWithinReturnWindow(
  dispatchedAt: Date,
  now: Date,
  calendar: HolidayCalendar,
): boolean {
  return now.getTime() < returnWindowEnd(dispatchedAt, calendar).getTime()
}

/** The wire form of a due (contract `dueSchema`), with its flags as of `now`. */
export function toDueJson(due: StepDue, now: Date, calendar: HolidayCalendar): Due {
  return {
    step: due.step,
    at: toChinaIso(due.at),
    lastDay: chinaDateOf(new Date(due.at.getTime() - 1)),
    provisional: due.provisional,
    ...dueStatus(due, now, calendar),
  }
}
