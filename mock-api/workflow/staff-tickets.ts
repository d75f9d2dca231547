/**
 * A staff member's ticket: the full read, audited, and one lifecycle event. A ticket out of the
 * caller's scope is refused as `not_found`, exactly like a missing one. An event goes through
 * applyTicketEvent in one transaction with its audit entry, so a refusal changes nothing; with an
 * idempotency key a double click answers twice with the first result.
 */
import type { Kysely } from 'kysely'
import type { StaffEvent, StaffTicket } from '../contract.js'
import { recordAudit } from '../storage/audit.js'
import type { Database } from '../storage/database.js'
import { loadCalendar } from './calendar.js'
import type { Response } from './idempotency.js'
import { canonicalHash, runOnce } from './idempotency.js'
import type { StaffMember } from './staff-scope.js'
import { hidesOwnerFrom, requireTicketInScope } from './staff-scope.js'
import { loadStaffTicket } from './staff-views.js'
import { applyTicketEvent } from './ticket-workflow.js'

type Db = Kysely<Database>

/** The ticket as `staff` may see it; the read is audited (and whether the owner was hidden). */
export async function readStaffTicket(
  db: Db,
  staff: StaffMember,
  id: string,
  now: Date,
): Promise<StaffTicket> {
  const context = { now, calendar: await loadCalendar(db) }
  const row = await requireTicketInScope(db, staff, id)
  const ticket = await loadStaffTicket(db, staff, row, context)
  await recordAudit(db, {
    staffId: staff.id,
    action: 'read_ticket',
    ticketId: row.id,
    detail: { identityHidden: hidesOwnerFrom(staff, row) },
    at: now,
  })
  return ticket
}

export type StaffEventRequest = {
  ticketId: string
  event: StaffEvent
  /** The client's Idempotency-Key, or null to act without one. */
  key: string | null
}

/** Applies the event and answers with the updated ticket (200), or the first answer again. */
export async function raiseStaffEvent(
  db: Db,
  staff: StaffMember,
  { ticketId, event, key }: StaffEventRequest,
  now: Date,
): Promise<Response<unknown>> {
  const context = { now, calendar: await loadCalendar(db) }
  const actor = {
    role: staff.role,
    id: staff.id,
    unitId: staff.unitId,
    divisionCode: staff.divisionCode,
  }
  const work = async (trx: Db) => {
    const row = await requireTicketInScope(trx, staff, ticketId)
    const updated = await applyTicketEvent(trx, context, row, event, actor)
    await recordAudit(trx, {
      staffId: staff.id,
      action: 'ticket_event',
      ticketId: row.id,
      detail: { type: event.type },
      at: now,
    })
    return { status: 200, body: await loadStaffTicket(trx, staff, updated, context) }
  }
  if (key === null) return db.transaction().execute(work)
  const requestHash = canonicalHash({ ticketId, event })
  return runOnce(db, { scope: `staff:${staff.id}`, key, requestHash, now }, work)
}
