/**
 * The receipts on this phone, read. Kept apart from the outbox handlers that write them
 * (receipts.ts, which check the server's answer with zod): the report form asks for its
 * receipt as it opens, and must not wait for zod.
 */
import { db, type ReceiptRow } from '@/lib/db'

export type Receipt = ReceiptRow

export function getReceipt(ticketId: string): Promise<Receipt | undefined> {
  return db.receipts.get(ticketId)
}

/** Every receipt on this phone, the most recently sent first. */
export function listReceipts(): Promise<Receipt[]> {
  return db.receipts.orderBy('sentAt').reverse().toArray()
}
