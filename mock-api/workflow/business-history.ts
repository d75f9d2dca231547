/**
 * A business's earlier tickets, for the intake form: a clerk on the phone sees at once that the
 * matter came in before. Only the heading of each ticket (number, status, category, title, date,
 * channel), never a contact, and never a confidential report; the read is audited.
 */
import type { Kysely } from 'kysely'
import type { BusinessHistory } from '../contract.js'
import { toChinaIso } from '../domain/china-time.js'
import { recordAudit } from '../storage/audit.js'
import type { Database } from '../storage/database.js'
import type { StaffMember } from './staff-scope.js'

const HISTORY_LIMIT = 20

export async function readBusinessHistory(
  db: Kysely<Database>,
  staff: StaffMember,
  creditCode: string,
  now: Date,
): Promise<BusinessHistory> {
  const rows = await db
    .selectFrom('tickets')
    .select([
      'number',
      'status',
      'category',
      'title',
      'created_at',
      'channel',
      'business_name',
      'business_kind',
      'confidential',
    ])
    .where('business_credit_code', '=', creditCode)
    .orderBy('created_at', 'desc')
    .orderBy('number', 'desc')
    .limit(HISTORY_LIMIT)
    .execute()
  const named =
    rows[0] ??
    (await db
      .selectFrom('entity_codes')
      .select(['name as business_name', 'kind as business_kind'])
      .where('credit_code', '=', creditCode)
      .where('retired_at', 'is', null)
      .orderBy('created_at', 'desc')
      .executeTakeFirst())
  await recordAudit(db, {
    staffId: staff.id,
    action: 'read_business_history',
    ticketId: null,
    detail: { creditCode, found: rows.length },
    at: now,
  })
  return {
    creditCode,
    name: named?.business_name ?? null,
    kind: named?.business_kind ?? null,
    tickets: rows
      .filter((row) => Number(row.confidential) !== 1)
      .map((row) => ({
        number: row.number,
        status: row.status,
        category: row.category,
        title: row.title,
        createdAt: toChinaIso(new Date(row.created_at)),
        channel: row.channel,
      })),
  }
}
