// From a stored ticket to what the ticket machine reads: the MachineTicket and the calendar facts
// the route must work out (overdue, urged this working day, return window, before due).
import type { StepDue } from '../domain/deadlines.js'
import { isWithinReturnWindow } from '../domain/deadlines.js'
import type { HolidayCalendar } from '../domain/holidays.js'
import type { EventFacts, MachineTicket } from '../domain/ticket-machine.js'
import { addWorkingDays, countWorkingDays } from '../domain/working-days.js'
import { addCalendarDays, endOfChinaDate } from '../domain/china-time.js'
import type { RatingRow, TicketRow, TicketUnitRef } from '../storage/tickets.js'

export type CalendarContext = { now: Date; calendar: HolidayCalendar; rehandleCap?: number }

/** The contact counts for the current lead unit only: one logged since the latest dispatch. */
export const hasContactSinceDispatch = (row: TicketRow): boolean =>
  row.first_contact_at !== null &&
  (row.dispatched_at === null || row.first_contact_at >= row.dispatched_at)

export function toMachineTicket(
  row: TicketRow,
  units: readonly TicketUnitRef[],
  rating: RatingRow | undefined,
): MachineTicket {
  return {
    status: row.status,
    deskDivisionCode: row.desk_division_code,
    leadUnitId: row.lead_unit_id,
    coUnitIds: units.filter((unit) => unit.role === 'co').map((unit) => unit.unitId),
    rehandleCount: row.rehandle_count,
    coordinationVia: row.coordination_via,
    isSupervised: row.is_supervised === 1,
    hasContact: hasContactSinceDispatch(row),
    wasHandledByUnit: row.signed_at !== null,
    requestedUntil: row.requested_until,
    pendingReply: row.pending_reply,
    rating: rating
      ? { resolved: rating.resolved, satisfaction: rating.satisfaction, reason: rating.reason }
      : null,
  }
}

/** The stored due, or null when no clock runs. */
export function storedDue(row: TicketRow): StepDue | null {
  if (row.due_step === null || row.due_at === null) return null
  return { step: row.due_step, at: new Date(row.due_at), provisional: row.due_provisional === 1 }
}

/** A step the owner may urge on: any clock but the owner's own rating window. */
const urgeableDue = (row: TicketRow): StepDue | null => {
  const due = storedDue(row)
  return due && due.step !== 'rating' ? due : null
}

// DOMAIN.md: at most one urge per working day, so an urge on Saturday blocks until Monday starts.
const wasUrgedThisWorkingDay = (row: TicketRow, now: Date, calendar: HolidayCalendar) =>
  row.last_urged_at !== null && countWorkingDays(new Date(row.last_urged_at), now, calendar) === 0

export function eventFacts(row: TicketRow, context: CalendarContext): EventFacts {
  const { now, calendar } = context
  const due = storedDue(row)
  const urgeable = urgeableDue(row)
  return {
    isStepOverdue: urgeable !== null && now.getTime() >= urgeable.at.getTime(),
    wasUrgedToday: wasUrgedThisWorkingDay(row, now, calendar),
    isWithinReturnWindow:
      row.dispatched_at !== null &&
      isWithinReturnWindow(new Date(row.dispatched_at), now, calendar),
    isBeforeDue: due !== null && now.getTime() < due.at.getTime(),
    ...(context.rehandleCap === undefined ? {} : { rehandleCap: context.rehandleCap }),
  }
}

/**
 * When the owner may urge next: the due instant while the step is not overdue, the start of the
 * next working day after an urge today; null when no urgeable clock runs.
 */
export function urgeAvailableAt(row: TicketRow, now: Date, calendar: HolidayCalendar): Date | null {
  const due = urgeableDue(row)
  if (!due) return null
  if (now.getTime() < due.at.getTime()) return due.at
  if (!wasUrgedThisWorkingDay(row, now, calendar)) return now
  const nextWorkingDay = addWorkingDays(now, 1, calendar).date
  return endOfChinaDate(addCalendarDays(nextWorkingDay, -1))
}
