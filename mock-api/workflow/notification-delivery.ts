// What the sender asks of a channel, and what a channel answers. The drivers (SMS providers, Web
// Push) live behind these types, so the sender's retry rules are the same for all of them.
import type { NoticeKind } from '../domain/notification-texts.js'
import type { PushSubscriptionRow } from '../storage/push-subscriptions.js'

export type DeliveryResult =
  /** The provider took the message; `answer` is what it said (status, message id). */
  | { kind: 'sent'; answer: string }
  /** The push subscription no longer exists (404/410): delete it, never retry. */
  | { kind: 'gone'; answer: string }
  /** The provider refused the message for good (bad number, unapproved template): no retry. */
  | { kind: 'rejected'; answer: string }
  /** Worth another try later: network error, timeout, 429, 5xx. */
  | { kind: 'retry'; answer: string }

export type SmsMessage = {
  to: string
  /** The whole text, as the `log` driver writes it and as a template renders it. */
  text: string
  kind: NoticeKind
  /** The template variables, for providers that send approved templates only. */
  vars: Record<string, string>
  ticketId: string | null
  at: Date
}

export interface SmsDriver {
  readonly name: string
  send(message: SmsMessage): Promise<DeliveryResult>
}

export type PushOptions = {
  /** Seconds the push service keeps the message for an offline phone (RFC 8030 TTL). */
  ttl: number
  urgency: 'very-low' | 'low' | 'normal' | 'high'
}

export interface PushDriver {
  /** The VAPID public key (base64url) the app subscribes with. */
  readonly publicKey: string
  send(
    subscription: PushSubscriptionRow,
    payload: string,
    options: PushOptions,
  ): Promise<DeliveryResult>
}
