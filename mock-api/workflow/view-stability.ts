/**
 * How long an owner's view of a ticket, completed at `now` (ticket-views.ts `ownerTicketAt`), stays
 * exactly what it is. The view reads the clock in two ways only:
 * - through the China date of `now`: working days left, urged this working day, the next working
 *   day an urge opens (working-days.ts counts dates, not instants);
 * - by comparing `now` with the ticket's due (overdue, before due, near due) and with the end of
 *   its return window (machine-ticket.ts `eventFacts`).
 * So it holds until the first of: the end of today in China, the due, the window's end — each only
 * when still ahead. One exception: an overdue step the owner has not urged today shows `now` itself
 * as when they may urge; that view holds for no time at all.
 */
import { chinaDateOf, endOfChinaDate } from '../domain/china-time.js'
import { returnWindowEnd } from '../domain/deadlines.js'
import type { HolidayCalendar } from '../domain/holidays.js'
import type { TicketRow } from '../storage/tickets.js'
import { urgeAvailableAt } from './machine-ticket.js'

/** The instant (ms) before which the view at `now` is the same; `now` itself when it is not. */
export function ownerViewHoldsUntil(row: TicketRow, now: Date, calendar: HolidayCalendar): number {
  const at = now.getTime()
  if (urgeAvailableAt(row, now, calendar)?.getTime() === at) return at
  let until = endOfChinaDate(chinaDateOf(now)).getTime()
  const ahead = (instant: number) => {
    if (instant > at && instant < until) until = instant
  }
  if (row.due_at !== null) ahead(new Date(row.due_at).getTime())
  if (row.dispatched_at !== null) {
    ahead(returnWindowEnd(new Date(row.dispatched_at), calendar).getTime())
  }
  return until
}
