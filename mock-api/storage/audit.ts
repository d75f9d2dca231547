// The audit log: every staff read of a ticket's personal data, and staff actions worth answering
// for. Append-only by convention: nothing here updates or deletes.
import { randomUUID } from 'node:crypto'
import type { Kysely, Selectable } from 'kysely'
import type { Database } from './database.js'
import type { AuditLogTable } from './tables-staff.js'

export type AuditAction =
  | 'read_ticket'
  | 'read_attachment'
  | 'add_attachment'
  | 'ticket_event'
  | 'staff_account_created'
  | 'staff_account_changed'
  | 'unit_created'
  | 'unit_changed'
  | 'responsibility_set'
  | 'responsibility_removed'
  | 'calendar_override_set'
  | 'calendar_override_removed'
  | 'calendar_year_marked'
  | 'calendar_year_unmarked'
  | 'lockout_cleared'
  | 'intake_registered'
  | 'read_business_history'
  | 'entity_code_issued'
  | 'entity_code_retired'

export type AuditEntry = {
  staffId: string
  action: AuditAction
  ticketId: string | null
  /** A small JSON-able object, e.g. `{ identityHidden: true }`. */
  detail?: Readonly<Record<string, unknown>>
  at: Date
}

export async function recordAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: randomUUID(),
      at: entry.at.toISOString(),
      staff_id: entry.staffId,
      action: entry.action,
      ticket_id: entry.ticketId,
      detail: entry.detail === undefined ? null : JSON.stringify(entry.detail),
    })
    .execute()
}

/** A ticket's audit trail, oldest first. */
export function auditOfTicket(
  db: Kysely<Database>,
  ticketId: string,
): Promise<Selectable<AuditLogTable>[]> {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .orderBy('at')
    .orderBy('id')
    .execute()
}
