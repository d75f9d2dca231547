/**
 * When an SMS may go out (DOMAIN.md "Telling the owner"): not during quiet hours, 21:00-08:00
 * China time, unless urgent (a one-time code is useless at 08:00); and at most a daily cap per
 * phone, counted per China calendar day. China keeps UTC+8 all year (china-time.ts).
 */
import { addCalendarDays, chinaDateOf } from './china-time.js'

export const QUIET_FROM_HOUR = 21
export const QUIET_UNTIL_HOUR = 8
const HOUR_MS = 3_600_000

/** 08:00 China time on a China date (YYYY-MM-DD) as an instant. */
const morningOf = (date: string) => new Date(`${date}T0${QUIET_UNTIL_HOUR}:00:00+08:00`)

/** The instant quiet hours end, when `now` falls in them; null when an SMS may go out now. */
export function quietHoursEnd(now: Date): Date | null {
  const hour = new Date(now.getTime() + 8 * HOUR_MS).getUTCHours()
  if (hour >= QUIET_UNTIL_HOUR && hour < QUIET_FROM_HOUR) return null
  const today = chinaDateOf(now)
  return morningOf(hour >= QUIET_FROM_HOUR ? addCalendarDays(today, 1) : today)
}

/** 00:00 China time of the day `now` falls on: where a daily cap starts counting. */
export const startOfChinaDay = (now: Date): Date => new Date(`${chinaDateOf(now)}T00:00:00+08:00`)

/** 08:00 China time on the day after `now`: when a phone that reached its cap may hear again. */
export const nextChinaMorning = (now: Date): Date => morningOf(addCalendarDays(chinaDateOf(now), 1))
