// What the owner is told outside the app: the notification outbox, push subscriptions, opt-outs.
import type { Defaulted, Flag, Instant } from './columns.js'

export type NotificationChannel = 'push' | 'sms'
/**
 * pending → sending (claimed, leased) → sent | pending again (retry with backoff) | failed (gave
 * up) | dropped (nobody to send to any more: the push subscription is gone).
 */
export type NotificationStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'dropped'

export interface NotificationTable {
  id: string
  /** What makes one message: `ticket:<id>:<history seq>`, `receipt:<ticket id>`, `link-code:<id>`. */
  dedupe_key: string
  channel: NotificationChannel
  /** The phone number (sms) or the push subscription id (push). */
  recipient: string
  event: string
  ticket_id: string | null
  locale: 'zh-CN' | 'en'
  /** JSON of the message (MessagePayload in workflow/notifications.ts). */
  payload: string
  /** Urgent messages (a link code) are not held back by quiet hours. */
  is_urgent: Defaulted<Flag>
  status: NotificationStatus
  attempts: Defaulted<number>
  /** Not to be sent before this instant: the next retry, or the end of quiet hours. */
  not_before: Instant
  claimed_by: string | null
  /** A sending row whose lease has run out belongs to a sender that died: it is taken over. */
  claimed_until: Instant | null
  /** The provider's last answer (status and body, or the error), for the admin view. */
  answer: string | null
  created_at: Instant
  updated_at: Instant
  sent_at: Instant | null
}

export interface PushSubscriptionTable {
  id: string
  device_id: string
  /** An https origin of a known push service (or PUSH_ENDPOINT_ORIGINS). */
  endpoint: string
  /** The browser's P-256 public key and auth secret, base64url (RFC 8291). */
  p256dh: string
  auth: string
  locale: 'zh-CN' | 'en'
  created_at: Instant
}

export interface TicketSmsOptoutTable {
  ticket_id: string
  created_at: Instant
}

export type NotificationTables = {
  notifications: NotificationTable
  push_subscriptions: PushSubscriptionTable
  ticket_sms_optouts: TicketSmsOptoutTable
}
