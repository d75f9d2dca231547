// Which ticket changes the owner hears of outside the app, and the facts each message names. Called
// by recordChange on the transaction that writes the change, so a message exists exactly when the
// change committed. One dedupe key per history entry: `ticket:<id>:<seq>`.
import type { Kysely } from 'kysely'
import type { TicketEventType } from '../contract.js'
import { chinaDateOf } from '../domain/china-time.js'
import { isMobilePhone } from '../domain/phone.js'
import type { NoticeKind } from '../domain/notification-texts.js'
import { noticeFor, noticeKindOf } from '../domain/notification-texts.js'
import type { Database } from '../storage/database.js'
import { isTicketSmsOff } from '../storage/push-subscriptions.js'
import type { TicketRow } from '../storage/tickets.js'
import { findUnit } from '../storage/units.js'
import { enqueueNotification } from './notifications.js'

type Db = Kysely<Database>

/** The last China date of a due stored as its end instant (24:00 China time). */
export const lastDayOf = (dueAt: string): string =>
  chinaDateOf(new Date(new Date(dueAt).getTime() - 1))

const DATED_KINDS: ReadonlySet<NoticeKind> = new Set([
  'extension_approved',
  'reply_ready',
  'rating_reminder',
])

/** Enqueues the notice of `kind` about `ticket` (as written) under `dedupeKey`, to push and SMS. */
export async function notifyOwner(
  trx: Db,
  ticket: TicketRow,
  kind: NoticeKind,
  change: { dedupeKey: string; note: string | null; at: string },
): Promise<number> {
  const unit =
    kind === 'dispatched' && ticket.lead_unit_id ? await findUnit(trx, ticket.lead_unit_id) : null
  const notice = noticeFor(kind, {
    number: ticket.number,
    status: ticket.status,
    confidential: ticket.confidential === 1,
    note: change.note,
    unitName: unit?.name ?? null,
    date: DATED_KINDS.has(kind) && ticket.due_at ? lastDayOf(ticket.due_at) : null,
  })
  const smsOff = !isMobilePhone(ticket.contact_phone) || (await isTicketSmsOff(trx, ticket.id))
  return enqueueNotification(
    trx,
    {
      dedupeKey: change.dedupeKey,
      notice,
      ticketId: ticket.id,
      number: ticket.number,
      status: ticket.status,
    },
    { ownerId: ticket.owner_id, phone: smsOff ? null : ticket.contact_phone },
    new Date(change.at),
  )
}

/** The notice of one history entry (seq) of `ticket`, if the owner should hear of it. */
export async function notifyTicketChange(
  trx: Db,
  ticket: TicketRow,
  entry: { type: TicketEventType; to: TicketRow['status']; note: string | null },
  seq: number,
  at: string,
): Promise<void> {
  const kind = noticeKindOf(entry.type, entry.to)
  if (kind === null) return
  await notifyOwner(trx, ticket, kind, {
    dedupeKey: `ticket:${ticket.id}:${seq}`,
    note: entry.note,
    at,
  })
}
