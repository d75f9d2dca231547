/**
 * The enqueue API of the notification pipeline (issue 15). Call it inside the write transaction
 * of what the message announces: the rows commit with it or not at all (a rolled-back write sends
 * nothing), and the sender (notification-sender.ts) works them off after the commit, with retries,
 * quiet hours and the daily SMS cap. Rows are unique on (dedupeKey, channel, recipient), so
 * enqueueing the same message again (a retried request, a second API instance) is a no-op.
 *
 *   await deps.db.write(async (trx) => {
 *     const ticket = await registerSomething(trx, …)
 *     await enqueueNotification(trx, {
 *       dedupeKey: `receipt:${ticket.id}`,     // one message, whatever retries happen
 *       notice: noticeFor('receipt', { number, status, confidential, code }),
 *       ticketId: ticket.id,
 *     }, { phone: ticket.contact_phone }, now)
 *   })
 *
 * Push goes to every push subscription of `ownerId`'s devices (one row each); SMS to `phone`.
 * `notifyReceipt` and `notifyLinkCode` below are the two non-ticket-event messages, ready made.
 */
import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { TicketStatus } from '../contract.js'
import type { Notice, NoticeLocale } from '../domain/notification-texts.js'
import { noticeFor } from '../domain/notification-texts.js'
import type { Database } from '../storage/database.js'
import type { NewNotification } from '../storage/notifications.js'
import { insertNotifications } from '../storage/notifications.js'
import { ownerPushSubscriptions } from '../storage/push-subscriptions.js'
import { signalEnqueued } from './notification-signal.js'

type Db = Kysely<Database>

export type OutgoingMessage = {
  /** What makes this one message: `ticket:<id>:<seq>`, `receipt:<ticket id>`, `link-code:<id>`. */
  dedupeKey: string
  notice: Notice
  ticketId?: string | null
  number?: string | null
  status?: TicketStatus | null
  /** Not held by quiet hours (a one-time code). */
  urgent?: boolean
  /** The app path the message opens, when not the ticket's (a receipt opens the claim screen). */
  path?: string
}

export type Recipients = {
  /** SMS goes here (a mainland mobile number as stored); null or absent: no SMS. */
  phone?: string | null
  /** Push goes to this owner's subscribed devices; null or absent: no push. */
  ownerId?: string | null
  /** The SMS language when no subscription says otherwise; zh-CN by default. */
  locale?: NoticeLocale
}

/** What a row's payload holds: the push payload's fields, and the SMS template variables. */
export type MessagePayload = {
  title: string
  body: string
  /** The app path the message opens; the sender makes it absolute for SMS. */
  path: string | null
  ticketId: string | null
  number: string | null
  status: TicketStatus | null
  kind: Notice['kind']
  vars: Record<string, string>
}

export const ticketPath = (ticketId: string): string => `/tickets/${encodeURIComponent(ticketId)}`

const payloadOf = (message: OutgoingMessage, locale: NoticeLocale): string => {
  const ticketId = message.ticketId ?? null
  const payload: MessagePayload = {
    ...message.notice.texts[locale],
    path: message.path ?? (ticketId ? ticketPath(ticketId) : null),
    ticketId,
    number: message.number ?? null,
    status: message.status ?? null,
    kind: message.notice.kind,
    vars: message.notice.vars,
  }
  return JSON.stringify(payload)
}

/**
 * Writes the message's rows on `trx` (see the module comment); returns how many were new. The
 * owner's language for SMS is that of their newest push subscription, else `recipients.locale`.
 */
export async function enqueueNotification(
  trx: Db,
  message: OutgoingMessage,
  recipients: Recipients,
  now: Date,
): Promise<number> {
  const at = now.toISOString()
  const base = {
    dedupe_key: message.dedupeKey,
    event: message.notice.kind,
    ticket_id: message.ticketId ?? null,
    is_urgent: message.urgent ? (1 as const) : (0 as const),
    status: 'pending' as const,
    not_before: at,
    claimed_by: null,
    claimed_until: null,
    answer: null,
    created_at: at,
    updated_at: at,
    sent_at: null,
  }
  const subscriptions = recipients.ownerId
    ? await ownerPushSubscriptions(trx, recipients.ownerId)
    : []
  const rows: NewNotification[] = subscriptions.map((subscription) => ({
    ...base,
    id: randomUUID(),
    channel: 'push',
    recipient: subscription.id,
    locale: subscription.locale,
    payload: payloadOf(message, subscription.locale),
  }))
  if (recipients.phone) {
    const locale = subscriptions.at(-1)?.locale ?? recipients.locale ?? 'zh-CN'
    rows.push({
      ...base,
      id: randomUUID(),
      channel: 'sms',
      recipient: recipients.phone,
      locale,
      payload: payloadOf(message, locale),
    })
  }
  const inserted = await insertNotifications(trx, rows)
  if (inserted > 0) signalEnqueued()
  return inserted
}

export type ReceiptTicket = {
  id: string
  number: string
  verification_code: string
  contact_phone: string
  status: TicketStatus
}

/** The receipt of a report registered for the owner (phone, window): by SMS to the contact phone. */
export function notifyReceipt(trx: Db, ticket: ReceiptTicket, now: Date): Promise<number> {
  const notice = noticeFor('receipt', {
    number: ticket.number,
    status: ticket.status,
    confidential: false,
    code: ticket.verification_code,
  })
  return enqueueNotification(
    trx,
    {
      dedupeKey: `receipt:${ticket.id}`,
      notice,
      ticketId: ticket.id,
      number: ticket.number,
      status: ticket.status,
    },
    { phone: ticket.contact_phone },
    now,
  )
}

/** A one-time link code (moving to another phone): urgent, so quiet hours do not hold it. */
export function notifyLinkCode(
  trx: Db,
  link: { id: string; phone: string; code: string },
  now: Date,
): Promise<number> {
  const notice = noticeFor('link_code', {
    number: '',
    status: null,
    confidential: false,
    code: link.code,
  })
  return enqueueNotification(
    trx,
    { dedupeKey: `link-code:${link.id}`, notice, urgent: true },
    { phone: link.phone },
    now,
  )
}
