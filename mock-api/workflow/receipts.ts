/**
 * A receipt (the ticket's number and its verification code) names one ticket to whoever holds it:
 * the public look-up shows its progress, a claim adds it to a phone. The code is compared in
 * constant time, and a wrong number and a wrong code are alike: no ticket.
 */
import { timingSafeEqual } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../storage/database.js'
import type { TicketRow } from '../storage/tickets.js'
import { findTicketByNumber } from '../storage/tickets.js'

/** Whether `code` is the ticket's verification code, as typed (no case folding here). */
export function isReceiptCodeOf(row: Pick<TicketRow, 'verification_code'>, code: string): boolean {
  const given = Buffer.from(code)
  const expected = Buffer.from(row.verification_code)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/** The ticket a receipt names; the code may come in any case, with spaces around it. */
export async function findTicketByReceipt(
  db: Kysely<Database>,
  number: string,
  code: string,
): Promise<TicketRow | undefined> {
  const row = await findTicketByNumber(db, number)
  return row && isReceiptCodeOf(row, code.trim().toUpperCase()) ? row : undefined
}
