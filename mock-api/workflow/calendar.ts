/**
 * The holiday calendar every rule uses: the package data plus the office's overrides from the
 * store. Built once per store and cached, because every ticket read needs it; whoever edits the
 * overrides calls invalidateCalendar so the next read rebuilds it. Pass the root handle, not a
 * transaction, so the cache is shared.
 */
import type { Kysely } from 'kysely'
import { createHolidayCalendar } from '../domain/holidays.js'
import type { HolidayCalendar } from '../domain/holidays.js'
import type { StoredOverride } from '../storage/calendar.js'
import { listCalendarOverrides, listCompleteYears } from '../storage/calendar.js'
import type { Database } from '../storage/database.js'

/** A stored override as the calendar rules take it (no note rather than a null one). */
export const toDayOverride = ({ date, kind, note }: StoredOverride) => ({
  date,
  kind,
  ...(note === null ? {} : { note }),
})

const cache = new WeakMap<Kysely<Database>, Promise<HolidayCalendar>>()

async function buildCalendar(db: Kysely<Database>): Promise<HolidayCalendar> {
  const [overrides, completeYears] = await Promise.all([
    listCalendarOverrides(db),
    listCompleteYears(db),
  ])
  return createHolidayCalendar({
    overrides: overrides.map(toDayOverride),
    completeYears,
  })
}

export function loadCalendar(db: Kysely<Database>): Promise<HolidayCalendar> {
  let calendar = cache.get(db)
  if (!calendar) {
    calendar = buildCalendar(db)
    cache.set(db, calendar)
    // A failed read must not stick: the next call tries again.
    calendar.catch(() => cache.delete(db))
  }
  return calendar
}

/** Drops this store's cached calendar; the next loadCalendar reads the overrides again. */
export function invalidateCalendar(db: Kysely<Database>): void {
  cache.delete(db)
}
