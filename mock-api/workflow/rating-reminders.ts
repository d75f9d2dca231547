// The reminder one working day before the rating window closes (DOMAIN.md "Telling the owner"):
// an owner who has not rated hears once per window, on the working day before its last day or on
// the last day itself. Run by the sweeper; the dedupe key (ticket and due) makes reruns no-ops.
import type { Kysely } from 'kysely'
import { SLA_WORKING_DAYS } from '../domain/deadlines.js'
import type { HolidayCalendar } from '../domain/holidays.js'
import { workingDaysLeft } from '../domain/working-days.js'
import type { Database } from '../storage/database.js'
import { ratingWindowsEndingBefore } from '../storage/notifications.js'
import { notifyOwner } from './ticket-notices.js'

const DAY_MS = 86_400_000
/** Far enough ahead to cover a window's last working day across the longest holiday. */
const LOOK_AHEAD_DAYS = 14
const BATCH = 200

export async function remindRatingWindows(
  db: Kysely<Database>,
  now: Date,
  calendar: HolidayCalendar,
): Promise<number> {
  const until = new Date(now.getTime() + LOOK_AHEAD_DAYS * DAY_MS).toISOString()
  const tickets = await ratingWindowsEndingBefore(db, now.toISOString(), until, BATCH)
  let reminded = 0
  for (const ticket of tickets) {
    if (ticket.due_at === null) continue
    if (workingDaysLeft(now, new Date(ticket.due_at), calendar) > SLA_WORKING_DAYS.nearDue) continue
    reminded += await db.transaction().execute((trx) =>
      notifyOwner(trx, ticket, 'rating_reminder', {
        dedupeKey: `rating-reminder:${ticket.id}:${ticket.due_at ?? ''}`,
        note: null,
        at: now.toISOString(),
      }),
    )
  }
  return reminded
}
