/**
 * Works off the notification outbox. Each round claims due rows with a lease (so two instances on
 * one PostgreSQL never take the same row, and a sender that dies mid-send leaves rows another
 * takes over when the lease runs out), delivers each through its channel, and records the
 * provider's answer. Failures retry with exponential backoff until `giveUpAfterMs` from the row's
 * creation, then the row is `failed` (the admin board counts those). SMS waits out quiet hours
 * (21:00-08:00 China time) unless urgent, and a phone past its daily cap waits for the next
 * morning; neither counts as an attempt.
 */
import { randomUUID } from 'node:crypto'
import type { Clock } from '../deps/clock.js'
import type { NoticeKind } from '../domain/notification-texts.js'
import { nextChinaMorning, quietHoursEnd, startOfChinaDay } from '../domain/sms-timing.js'
import type { DbHandle } from '../storage/database.js'
import type { NotificationRow, Outcome } from '../storage/notifications.js'
import {
  claimDueNotifications,
  countSmsSince,
  settleNotification,
} from '../storage/notifications.js'
import { deletePushSubscription, findPushSubscription } from '../storage/push-subscriptions.js'
import type { DeliveryResult, PushDriver, PushOptions, SmsDriver } from './notification-delivery.js'
import type { MessagePayload } from './notifications.js'
import { onEnqueued } from './notification-signal.js'

export type SenderSettings = {
  /** Where links in messages point: PUBLIC_URL, or the server's own address. */
  baseUrl: string
  smsDailyLimit: number
  /** Names this sender's claims; unique per process. */
  claimant?: string
  batch?: number
  leaseMs?: number
  giveUpAfterMs?: number
}

export type SenderDeps = {
  db: DbHandle
  clock: Clock
  sms: SmsDriver
  /** Null when push is not configured: push rows are then dropped. */
  push: PushDriver | null
  settings: SenderSettings
}

export type SendRound = {
  sent: number
  retried: number
  failed: number
  dropped: number
  held: number
}

export const DEFAULT_GIVE_UP_AFTER_MS = 24 * 3_600_000
const DEFAULT_LEASE_MS = 60_000
const DEFAULT_BATCH = 50
const FIRST_RETRY_MS = 30_000
const MAX_RETRY_MS = 3_600_000
const AFTER_COMMIT_MS = 50
const DEFAULT_CLAIMANT = 'sender'

/** 30 s, 1 min, 2 min … at most an hour, after the attempt numbered `attempts` (0-based). */
export const retryDelayMs = (attempts: number): number =>
  Math.min(FIRST_RETRY_MS * 2 ** attempts, MAX_RETRY_MS)

/** Push is worth waking the phone for when the owner has something to do or lost something. */
const HIGH_URGENCY: ReadonlySet<NoticeKind> = new Set([
  'reply_ready',
  'rating_reminder',
  'not_accepted',
  'terminated',
])
const DAY_S = 86_400

export function pushOptionsFor(kind: NoticeKind): PushOptions {
  return HIGH_URGENCY.has(kind)
    ? { ttl: 3 * DAY_S, urgency: 'high' }
    : { ttl: 7 * DAY_S, urgency: 'normal' }
}

const absolute = (baseUrl: string, path: string | null) =>
  path === null ? null : new URL(path, baseUrl).toString()

export function smsTextOf(payload: MessagePayload, locale: string, baseUrl: string): string {
  const link = absolute(baseUrl, payload.path)
  const tail = link ? ` ${link}` : ''
  return locale === 'en'
    ? `[Guishang] ${payload.title}: ${payload.body}${tail}`
    : `【桂商码】${payload.title}：${payload.body}${tail}`
}

export function pushPayloadOf(payload: MessagePayload, baseUrl: string): string {
  return JSON.stringify({
    ticketId: payload.ticketId,
    number: payload.number,
    status: payload.status,
    title: payload.title,
    body: payload.body,
    url: absolute(baseUrl, payload.path) ?? new URL('/', baseUrl).toString(),
    kind: payload.kind,
  })
}

type Held = { held: Date }

async function smsHold(deps: SenderDeps, row: NotificationRow, now: Date): Promise<Held | null> {
  if (row.is_urgent === 1) return null
  const quietUntil = quietHoursEnd(now)
  if (quietUntil) return { held: quietUntil }
  const since = startOfChinaDay(now).toISOString()
  const claimant = deps.settings.claimant ?? DEFAULT_CLAIMANT
  const sentToday = await countSmsSince(deps.db.db, row.recipient, since, claimant)
  return sentToday >= deps.settings.smsDailyLimit ? { held: nextChinaMorning(now) } : null
}

async function deliver(
  deps: SenderDeps,
  row: NotificationRow,
  now: Date,
): Promise<DeliveryResult | Held> {
  const payload = JSON.parse(row.payload) as MessagePayload
  const { baseUrl } = deps.settings
  if (row.channel === 'sms') {
    const hold = await smsHold(deps, row, now)
    if (hold) return hold
    return deps.sms.send({
      to: row.recipient,
      text: smsTextOf(payload, row.locale, baseUrl),
      kind: payload.kind,
      vars: payload.vars,
      ticketId: row.ticket_id,
      at: now,
    })
  }
  const subscription = await findPushSubscription(deps.db.db, row.recipient)
  if (!subscription) return { kind: 'gone', answer: 'subscription removed before sending' }
  if (!deps.push) return { kind: 'rejected', answer: 'push is not configured' }
  return deps.push.send(subscription, pushPayloadOf(payload, baseUrl), pushOptionsFor(payload.kind))
}

function outcomeOf(
  deps: SenderDeps,
  row: NotificationRow,
  result: DeliveryResult | Held,
  now: Date,
): Outcome {
  const at = now.toISOString()
  if ('held' in result) {
    return {
      status: 'pending',
      notBefore: result.held.toISOString(),
      answer: row.answer,
      at,
      attempted: false,
    }
  }
  switch (result.kind) {
    case 'sent':
      return { status: 'sent', answer: result.answer, at }
    case 'gone':
      return { status: 'dropped', answer: result.answer, at, attempted: true }
    case 'rejected':
      return { status: 'failed', answer: result.answer, at, attempted: true }
    case 'retry': {
      const giveUpAfter = deps.settings.giveUpAfterMs ?? DEFAULT_GIVE_UP_AFTER_MS
      const next = new Date(now.getTime() + retryDelayMs(row.attempts))
      if (next.getTime() - Date.parse(row.created_at) > giveUpAfter) {
        return { status: 'failed', answer: result.answer, at, attempted: true }
      }
      return {
        status: 'pending',
        notBefore: next.toISOString(),
        answer: result.answer,
        at,
        attempted: true,
      }
    }
  }
}

const asAnswer = (error: unknown) => (error instanceof Error ? error.message : String(error))

/** One round: claims what is due now and delivers it. */
export async function sendDueNotifications(deps: SenderDeps): Promise<SendRound> {
  const now = deps.clock.now()
  const claimant = deps.settings.claimant ?? DEFAULT_CLAIMANT
  const leaseUntil = new Date(now.getTime() + (deps.settings.leaseMs ?? DEFAULT_LEASE_MS))
  const claim = {
    now: now.toISOString(),
    leaseUntil: leaseUntil.toISOString(),
    claimant,
    limit: deps.settings.batch ?? DEFAULT_BATCH,
  }
  const rows = await deps.db.write((trx) => claimDueNotifications(trx, deps.db.dialect, claim))
  const round: SendRound = { sent: 0, retried: 0, failed: 0, dropped: 0, held: 0 }
  for (const row of rows) {
    const result = await deliver(deps, row, now).catch((error: unknown): DeliveryResult => ({
      kind: 'retry',
      answer: asAnswer(error),
    }))
    const outcome = outcomeOf(deps, row, result, now)
    await deps.db.write(async (trx) => {
      if ('kind' in result && result.kind === 'gone')
        await deletePushSubscription(trx, row.recipient)
      await settleNotification(trx, row.id, claimant, outcome)
    })
    if (outcome.status === 'sent') round.sent++
    else if (outcome.status === 'failed') round.failed++
    else if (outcome.status === 'dropped') round.dropped++
    else if (outcome.attempted) round.retried++
    else round.held++
  }
  return round
}

/**
 * Runs rounds every `everyMs` and right after anything is enqueued in this process, never two at
 * once, until the returned stop function is called. Timers are unref'd.
 */
export function startNotificationSender(
  deps: SenderDeps,
  options: { everyMs: number; onError: (error: unknown) => void },
): () => void {
  const settings = { ...deps.settings, claimant: deps.settings.claimant ?? randomUUID() }
  const withClaimant = { ...deps, settings }
  let running = false
  let again = false
  let stopped = false
  const run = () => {
    if (stopped) return
    if (running) {
      again = true
      return
    }
    running = true
    sendDueNotifications(withClaimant)
      .catch(options.onError)
      .finally(() => {
        running = false
        if (again) {
          again = false
          run()
        }
      })
  }
  const timer = setInterval(run, options.everyMs)
  timer.unref()
  // The signal comes from inside the enqueuing transaction: on SQLite the claim queues behind its
  // commit; on PostgreSQL it may run first and miss it, so a second look follows shortly.
  const stopListening = onEnqueued(() => {
    setImmediate(run).unref()
    setTimeout(run, AFTER_COMMIT_MS).unref()
  })
  return () => {
    stopped = true
    clearInterval(timer)
    stopListening()
  }
}
