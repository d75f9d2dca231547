/**
 * What awaits a staff member, by role (issue 6): a desk the reports to accept, replies to review,
 * dissatisfaction to decide and return visits; a unit what is dispatched to it; an office its board
 * of coordination, extensions, dissatisfaction, plus everything near due, overdue or supervised
 * (an owner's urge supervises), so an accepted ticket the desk has not dispatched shows amber, then
 * red. Earliest due first, tickets without a due last.
 */
import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely'
import type { QueueDueFilter, StaffQueueItem, StaffQueueQuery, TicketStatus } from '../contract.js'
import { TERMINAL_STATUSES } from '../contract.js'
import type { HolidayCalendar } from '../domain/holidays.js'
import { SLA_WORKING_DAYS } from '../domain/deadlines.js'
import { OPEN_STATUSES } from '../domain/transitions.js'
import { deadlineAfter } from '../domain/working-days.js'
import type { Database } from '../storage/database.js'
import type { TicketRow } from '../storage/tickets.js'
import { loadCalendar } from './calendar.js'
import type { StaffMember } from './staff-scope.js'
import { ticketScope } from './staff-scope.js'
import { toQueueItem } from './staff-views.js'

export const QUEUE_LIMIT = 500

const DESK_QUEUE: readonly TicketStatus[] = [
  'submitted',
  'accepted',
  'reply_review',
  'dissatisfaction_review',
  'replied',
]
const UNIT_QUEUE: readonly TicketStatus[] = [
  'dispatched',
  'in_progress',
  'extension_pending',
  'reply_review',
]
const OFFICE_DECISIONS: readonly TicketStatus[] = [
  'coordinating',
  'extension_pending',
  'dissatisfaction_review',
]

type Tickets = ExpressionBuilder<Database, 'tickets'>

// The owner's rating window running out is no one's lateness: the system closes the ticket.
// A due is near (amber) when its last day is at most one working day away, i.e. its instant is
// no later than the end of the next working day; overdue ones are earlier still.
const isNearOrOverdue = (eb: Tickets, nearBy: Date) =>
  eb.and([eb('tickets.due_at', '<=', nearBy.toISOString()), eb('tickets.due_step', '<>', 'rating')])

function awaiting(staff: StaffMember, nearBy: Date): (eb: Tickets) => Expression<SqlBool> {
  return (eb) => {
    // A window clerk or workstation follows everything it registered, closed ones too.
    if (staff.role === 'window' || staff.role === 'workstation') {
      return eb('tickets.status', 'in', [...OPEN_STATUSES, ...TERMINAL_STATUSES])
    }
    if (staff.role === 'desk') return eb('tickets.status', 'in', DESK_QUEUE)
    if (staff.role === 'unit') return eb('tickets.status', 'in', UNIT_QUEUE)
    return eb.or([
      eb('tickets.status', 'in', OFFICE_DECISIONS),
      eb.and([
        eb('tickets.status', 'in', OPEN_STATUSES),
        eb.or([eb('tickets.is_supervised', '=', 1), isNearOrOverdue(eb, nearBy)]),
      ]),
    ])
  }
}

/** What the clerk typed, safe inside a LIKE pattern (its wildcards never occur in what we match). */
const likeTerm = (text: string) => text.replace(/[%_\\]/g, '')

/**
 * Issue 17's search: the ticket number or credit code (any case, any part), the business name,
 * or the phone's digits (four or more). A unit never matches a confidential report by the owner's
 * identity, which it may not see; by its number it may.
 */
function matching(staff: StaffMember, q: string): (eb: Tickets) => Expression<SqlBool> {
  const term = likeTerm(q)
  const upper = `%${term.toUpperCase()}%`
  const digits = term.replace(/\D/g, '')
  return (eb) => {
    const byIdentity = [
      eb('tickets.business_name', 'like', `%${term}%`),
      eb(eb.fn('upper', ['tickets.business_credit_code']), 'like', upper),
      ...(digits.length >= 4 ? [eb('tickets.contact_phone', 'like', `%${digits}%`)] : []),
    ]
    const identity =
      staff.role === 'unit'
        ? eb.and([eb('tickets.confidential', '=', 0), eb.or(byIdentity)])
        : eb.or(byIdentity)
    return eb.or([eb(eb.fn('upper', ['tickets.number']), 'like', upper), identity])
  }
}

function dueFilter(due: QueueDueFilter, now: Date, nearBy: Date) {
  return (eb: Tickets) =>
    due === 'overdue'
      ? eb.and([
          eb('tickets.due_at', '<', now.toISOString()),
          eb('tickets.due_step', '<>', 'rating'),
        ])
      : eb.and([eb('tickets.due_at', '>=', now.toISOString()), isNearOrOverdue(eb, nearBy)])
}

export function listQueue(
  db: Kysely<Database>,
  staff: StaffMember,
  context: { now: Date; calendar: HolidayCalendar },
  filter: StaffQueueQuery = {},
): Promise<TicketRow[]> {
  const nearBy = deadlineAfter(context.now, SLA_WORKING_DAYS.nearDue, context.calendar).at
  const q = filter.q?.trim() ?? ''
  let query = db.selectFrom('tickets').selectAll().where(ticketScope(staff))
  // A search or a status looks through everything in scope, not only what awaits me.
  if (q === '' && filter.status === undefined) query = query.where(awaiting(staff, nearBy))
  if (q !== '') query = query.where(matching(staff, q))
  if (filter.status !== undefined) query = query.where('tickets.status', '=', filter.status)
  if (filter.category !== undefined) query = query.where('tickets.category', '=', filter.category)
  if (filter.channel !== undefined) query = query.where('tickets.channel', '=', filter.channel)
  if (filter.due !== undefined) query = query.where(dueFilter(filter.due, context.now, nearBy))
  return query
    .orderBy('tickets.due_at', (ob) => ob.asc().nullsLast())
    .orderBy('tickets.created_at')
    .orderBy('tickets.id')
    .limit(QUEUE_LIMIT)
    .execute()
}

/** What awaits `staff` now (or what the filter asks for), as the queue shows it. */
export async function readQueue(
  db: Kysely<Database>,
  staff: StaffMember,
  filter: StaffQueueQuery,
  now: Date,
): Promise<StaffQueueItem[]> {
  const context = { now, calendar: await loadCalendar(db) }
  const rows = await listQueue(db, staff, context, filter)
  return rows.map((row) => toQueueItem(row, staff, context))
}
