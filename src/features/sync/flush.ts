/**
 * Sends the outbox: oldest due item first, each with `Idempotency-Key: <item id>`, skipping an
 * item whose `after` item is still waiting. What an answer means:
 * - 2xx: sent (a 200 replay of the same id is a success too) → settled, handlers run.
 * - 4xx but 401/408/429: refused → the item and its dependents leave, handlers run.
 * - 401: the device registers again, once per flush, and the item is tried again.
 * - no answer, timeout, 408, 429, 5xx: kept, tried again after a backoff persisted in the row.
 *   No answer, a timeout or 429 ends this flush (the next item would fare the same); a 5xx is
 *   that item's trouble, so the others still go.
 * Only one tab flushes at a time (Web Locks); where Web Locks is missing, two tabs may send the
 * same item, which the idempotency key makes harmless.
 */
import { authorization, deviceCredential, replaceCredential } from '@/lib/device'
import { ApiProblem, DEFAULT_TIMEOUT_MS, NetworkError, request } from '@/lib/http'
import { backoffDelay } from './backoff'
import { listOutbox, recordFailure, settleRefused, settleSent, type OutboxItem } from './outbox'

export const OUTBOX_LOCK = 'guishang-outbox'
export const UPLOAD_TIMEOUT_MS = 60_000

export type FlushOptions = { now?: () => number; random?: () => number }

export type FlushOutcome = {
  /** True when another tab held the lock, so this one sent nothing. */
  isSkipped: boolean
  sent: number
  refused: number
  failed: number
}

type Attempt =
  | { kind: 'sent'; body: unknown }
  | { kind: 'refused'; problem: ApiProblem }
  | { kind: 'unauthorized' }
  | { kind: 'retry'; error: string; retryAfterMs: number | null; isFatalForRun: boolean }

function classify(error: unknown): Attempt {
  if (error instanceof ApiProblem) {
    const { status } = error
    if (status === 401) return { kind: 'unauthorized' }
    const isRefusal = status >= 400 && status < 500 && status !== 408 && status !== 429
    if (isRefusal) return { kind: 'refused', problem: error }
    const reason = `${status} ${error.problem.title}`
    return {
      kind: 'retry',
      error: reason,
      retryAfterMs: error.retryAfterMs,
      isFatalForRun: status === 429,
    }
  }
  if (error instanceof NetworkError) {
    const reason = error.isTimeout ? 'timeout' : `network: ${error.message}`
    return { kind: 'retry', error: reason, retryAfterMs: null, isFatalForRun: true }
  }
  // Our own fault (a handler threw): keep the item and back off rather than spin.
  const reason = error instanceof Error ? error.message : String(error)
  return { kind: 'retry', error: reason, retryAfterMs: null, isFatalForRun: false }
}

async function send(item: OutboxItem, credential: string): Promise<Attempt> {
  try {
    const { body } = await request({
      method: item.method,
      path: item.path,
      body: item.body,
      headers: { ...authorization(credential), 'idempotency-key': item.id },
      timeoutMs: item.body.kind === 'multipart' ? UPLOAD_TIMEOUT_MS : DEFAULT_TIMEOUT_MS,
    })
    return { kind: 'sent', body }
  } catch (error) {
    return classify(error)
  }
}

function nextDue(items: OutboxItem[], tried: ReadonlySet<string>, now: number) {
  const waiting = new Set(items.map((item) => item.id))
  return items.find(
    (item) =>
      !tried.has(item.id) &&
      item.nextAttemptAt <= now &&
      (item.after === null || !waiting.has(item.after)),
  )
}

type Session = { credential: string | null; hasReregistered: boolean }

const UNAUTHORIZED_AGAIN: Attempt = {
  kind: 'retry',
  error: '401 Unauthorized',
  retryAfterMs: null,
  isFatalForRun: true,
}

async function attempt(item: OutboxItem, session: Session): Promise<Attempt> {
  try {
    session.credential ??= await deviceCredential()
    const first = await send(item, session.credential)
    if (first.kind !== 'unauthorized' || session.hasReregistered) return first
    session.hasReregistered = true
    session.credential = await replaceCredential(session.credential)
    return await send(item, session.credential)
  } catch (error) {
    return classify(error)
  }
}

async function sendDue({ now = Date.now, random = Math.random }: FlushOptions) {
  const outcome: FlushOutcome = { isSkipped: false, sent: 0, refused: 0, failed: 0 }
  const tried = new Set<string>()
  const session: Session = { credential: null, hasReregistered: false }
  // Read once per run, not per item (200 queued items made that the main cost): an enqueue
  // during the run wakes another run (triggers.ts), and a refusal, which removes several, re-reads.
  let items = await listOutbox()
  for (;;) {
    const item = nextDue(items, tried, now())
    if (!item) return outcome
    tried.add(item.id)
    let result = await attempt(item, session)
    try {
      if (result.kind === 'sent') {
        if (await settleSent(item, result.body)) outcome.sent += 1
        items = items.filter((each) => each.id !== item.id)
      } else if (result.kind === 'refused') {
        outcome.refused += await settleRefused(item, result.problem)
        items = await listOutbox()
      }
    } catch (error) {
      result = classify(error)
    }
    if (result.kind === 'unauthorized') result = UNAUTHORIZED_AGAIN
    if (result.kind === 'retry') {
      outcome.failed += 1
      const delay = backoffDelay(item.attempts + 1, random, result.retryAfterMs)
      await recordFailure(item.id, now() + delay, result.error)
      if (result.isFatalForRun) return outcome
    }
  }
}

/** Sends every due item once, unless another tab is already flushing. */
export async function flush(options: FlushOptions = {}): Promise<FlushOutcome> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks
  // Safari before 15.4 and some WebViews have no Web Locks: send anyway, the keys make it safe.
  if (!locks) return sendDue(options)
  return locks.request(OUTBOX_LOCK, { ifAvailable: true }, (lock) =>
    lock ? sendDue(options) : { isSkipped: true, sent: 0, refused: 0, failed: 0 },
  )
}
