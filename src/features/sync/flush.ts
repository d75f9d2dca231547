/**
 * Sends the outbox: oldest due item first, each with `Idempotency-Key: <item id>`, skipping an
 * item whose `after` item is still waiting. A few items go at once (FLUSH_CONCURRENCY), but
 * never two of one lane (one ticket's report, photos, material and rating: see `laneOf`), so
 * what depends on order keeps it; 200 reports queued on a slow phone no longer wait for each
 * other's round trips. What an answer means:
 * - 2xx: sent (a 200 replay of the same id is a success too) → settled, handlers run.
 * - 4xx but 401/408/429: refused → the item and its dependents leave, handlers run.
 * - 401: the device registers again, once per flush (shared by the items in flight), and the
 *   item is tried again.
 * - no answer, timeout, 408, 429, 5xx: kept, tried again after a backoff persisted in the row.
 *   No answer, a timeout or 429 ends this flush (the next item would fare the same); a 5xx is
 *   that item's trouble, so the others still go. Items already in flight finish either way.
 * Only one tab flushes at a time (Web Locks); where Web Locks is missing, two tabs may send the
 * same item, which the idempotency key makes harmless.
 */
import { authorization, deviceCredential, replaceCredential } from '@/lib/device'
import { ApiProblem, DEFAULT_TIMEOUT_MS, NetworkError, request } from '@/lib/http'
import { backoffDelay } from './backoff'
import {
  listOutbox,
  recordFailure,
  settleRefused,
  settleSent,
  settleSentBatch,
  type OutboxItem,
} from './outbox'

export const OUTBOX_LOCK = 'guishang-outbox'
export const UPLOAD_TIMEOUT_MS = 60_000

export type FlushOptions = {
  now?: () => number
  random?: () => number
  /** How many requests may be in flight at once (FLUSH_CONCURRENCY unless a test says). */
  concurrency?: number
}

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

/**
 * The lane an item's order matters in: one ticket's (or draft's) requests. A report, its photos
 * and later a rating or material on the same ticket share the report's id; unrelated items get
 * lanes of their own and go side by side.
 */
export function laneOf(item: OutboxItem): string {
  const ticket = /^\/tickets\/([^/]+)\//.exec(item.path)?.[1]
  if (ticket !== undefined) return `ticket:${decodeURIComponent(ticket)}`
  return item.path === '/reports' ? `ticket:${item.id}` : `item:${item.draftId ?? item.id}`
}

/**
 * The next item to start: due, not tried in this run, not waiting on its `after` item, and its
 * lane idle. Within a lane items start in outbox order, one at a time, exactly as a sequential
 * flush would send them; only different lanes overlap.
 */
function nextDue(
  items: OutboxItem[],
  tried: ReadonlySet<string>,
  busyLanes: ReadonlySet<string>,
  now: number,
) {
  const waiting = new Set(items.map((item) => item.id))
  return items.find(
    (item) =>
      !tried.has(item.id) &&
      item.nextAttemptAt <= now &&
      !busyLanes.has(laneOf(item)) &&
      (item.after === null || !waiting.has(item.after)),
  )
}

/** How many requests one flush keeps in flight (browsers allow 6 per origin over HTTP/1.1). */
export const FLUSH_CONCURRENCY = 4

type Session = {
  credential: Promise<string> | null
  /** The one re-registration a run may do after a 401, shared by every item that saw it. */
  renewed: Promise<string> | null
}

async function attempt(item: OutboxItem, session: Session): Promise<Attempt> {
  try {
    // Once renewed, every later item uses the new credential straight away.
    const credential = await (session.renewed ?? (session.credential ??= deviceCredential()))
    const first = await send(item, credential)
    if (first.kind !== 'unauthorized') return first
    session.renewed ??= replaceCredential(credential)
    const renewed = await session.renewed
    // Refused with the renewed credential too: the server will not take this device now.
    if (renewed === credential) return first
    return await send(item, renewed)
  } catch (error) {
    return classify(error)
  }
}

const UNAUTHORIZED_AGAIN: Attempt = {
  kind: 'retry',
  error: '401 Unauthorized',
  retryAfterMs: null,
  isFatalForRun: true,
}

type SentAnswer = { item: OutboxItem; responseBody: unknown }

/**
 * Settles sent items in batches: answers that arrive while a batch commits wait and go together
 * in the next one. Each IndexedDB commit wakes every live query on the outbox (the badge, the
 * drafts list), which on a slow phone cost more than the request itself. If a batch fails (a
 * handler threw), its items are settled one by one, so one item's trouble stays its own.
 */
function sentSettler(): (answer: SentAnswer) => Promise<boolean> {
  let queue: { answer: SentAnswer; done: (settle: () => Promise<boolean>) => void }[] = []
  let isDraining = false
  async function drain() {
    isDraining = true
    while (queue.length > 0) {
      const batch = queue
      queue = []
      try {
        const settled = await settleSentBatch(batch.map((entry) => entry.answer))
        batch.forEach((entry, i) => entry.done(() => Promise.resolve(settled[i] ?? false)))
      } catch {
        for (const { answer, done } of batch) {
          const alone = settleSent(answer.item, answer.responseBody)
          await alone.catch(() => undefined)
          done(() => alone)
        }
      }
    }
    isDraining = false
  }
  return (answer) =>
    new Promise<() => Promise<boolean>>((done) => {
      queue.push({ answer, done })
      if (!isDraining) void drain()
    }).then((settle) => settle())
}

async function sendDue({
  now = Date.now,
  random = Math.random,
  concurrency = FLUSH_CONCURRENCY,
}: FlushOptions) {
  const outcome: FlushOutcome = { isSkipped: false, sent: 0, refused: 0, failed: 0 }
  const tried = new Set<string>()
  const busyLanes = new Set<string>()
  const session: Session = { credential: null, renewed: null }
  const settleSentInBatch = sentSettler()
  let isStopping = false
  // Read once per run, not per item (200 queued items made that the main cost): an enqueue
  // during the run wakes another run (triggers.ts), and a refusal, which removes several, re-reads.
  let items = await listOutbox()

  async function settle(item: OutboxItem): Promise<void> {
    let result = await attempt(item, session)
    try {
      if (result.kind === 'sent') {
        if (await settleSentInBatch({ item, responseBody: result.body })) outcome.sent += 1
        items = items.filter((each) => each.id !== item.id)
      } else if (result.kind === 'refused') {
        // (not `+= await`: that reads the count before waiting, losing a concurrent item's)
        const left = await settleRefused(item, result.problem)
        outcome.refused += left
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
      // No answer or 429: the next item would fare the same, so start no more (those already
      // in flight finish and are settled as usual).
      if (result.isFatalForRun) isStopping = true
    }
  }

  // Up to `concurrency` items in flight; each finished one frees its lane and may unblock
  // its dependents, so the scheduler looks again after every settlement.
  const inFlight = new Set<Promise<void>>()
  for (;;) {
    while (!isStopping && inFlight.size < concurrency) {
      const item = nextDue(items, tried, busyLanes, now())
      if (!item) break
      tried.add(item.id)
      const lane = laneOf(item)
      busyLanes.add(lane)
      const running: Promise<void> = settle(item).finally(() => {
        busyLanes.delete(lane)
        inFlight.delete(running)
      })
      inFlight.add(running)
    }
    if (inFlight.size === 0) return outcome
    await Promise.race(inFlight)
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
