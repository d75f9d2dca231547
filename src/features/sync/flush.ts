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
 * Reports go in batches (`POST /reports/batch`) when several are due: one request carries a few
 * reports of different tickets, each still keyed by its own id and answered on its own, so each
 * answer means what it would alone (above); an answer lost for the whole batch is a retry of each
 * of its reports, which the server's idempotency by id makes harmless. A server without the batch
 * route (404) gets them one by one.
 * Only one tab flushes at a time (Web Locks); where Web Locks is missing, two tabs may send the
 * same item, which the idempotency key makes harmless.
 */
import { authorization, deviceCredential, replaceCredential } from '@/lib/device'
import { ApiProblem, DEFAULT_TIMEOUT_MS, NetworkError, request } from '@/lib/http'
import {
  REPORT_BATCH_MAX,
  problemSchema,
  reportBatchAnswerSchema,
} from '../../../mock-api/contract'
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
  /** The most reports one request carries (FLUSH_BATCH_SIZE unless a test says; 1: alone). */
  batchSize?: number
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

export const REPORT_BATCH_PATH = '/reports/batch'

/**
 * The most reports one request carries: small enough that the first answers come back (and are
 * settled) while the server still works on the next requests, large enough that a few requests
 * carry a long queue.
 */
export const FLUSH_BATCH_SIZE = 20

/**
 * A report that may go in a batch: a JSON `POST /reports` whose idempotency key is the report's
 * own id (the key the batch route goes by).
 */
export function isBatchable(item: OutboxItem): boolean {
  if (item.method !== 'POST' || item.path !== '/reports' || item.body.kind !== 'json') return false
  const { value } = item.body
  return typeof value === 'object' && value !== null && 'id' in value && value.id === item.id
}

type Session = {
  credential: Promise<string> | null
  /** The one re-registration a run may do after a 401, shared by every item that saw it. */
  renewed: Promise<string> | null
  /** False once the server answered a batch with a refusal of the batch itself (no such route). */
  canBatch: boolean
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

/** A batch's answer: each report's attempt, or `unsupported` (send them alone instead). */
type BatchAttempt = { item: OutboxItem; attempt: Attempt }[] | 'unsupported'

function answerOf(result: { status: number; body: unknown }): Attempt {
  if (result.status >= 200 && result.status < 300) return { kind: 'sent', body: result.body }
  const parsed = problemSchema.safeParse(result.body)
  const problem = parsed.success
    ? { ...parsed.data, status: result.status }
    : { type: 'about:blank', title: 'HTTP error', status: result.status }
  return classify(new ApiProblem(problem))
}

async function sendBatch(
  items: readonly OutboxItem[],
  credential: string,
): Promise<BatchAttempt | 'unauthorized'> {
  let body: unknown
  try {
    const reports = items.map((item) => (item.body.kind === 'json' ? item.body.value : null))
    ;({ body } = await request({
      method: 'POST',
      path: REPORT_BATCH_PATH,
      body: { kind: 'json', value: { reports } },
      headers: authorization(credential),
    }))
  } catch (error) {
    const attempt = classify(error)
    if (attempt.kind === 'unauthorized') return 'unauthorized'
    // The batch itself refused (no such route on an older server, too large): send them alone.
    if (attempt.kind === 'refused') return 'unsupported'
    return items.map((item) => ({ item, attempt }))
  }
  const answer = reportBatchAnswerSchema.safeParse(body)
  if (!answer.success || answer.data.results.length !== items.length) return 'unsupported'
  const { results } = answer.data
  return items.map((item, i) => ({
    item,
    attempt: answerOf(results[i] ?? { status: 0, body: null }),
  }))
}

async function attemptBatch(items: readonly OutboxItem[], session: Session): Promise<BatchAttempt> {
  try {
    const credential = await (session.renewed ?? (session.credential ??= deviceCredential()))
    const first = await sendBatch(items, credential)
    if (first !== 'unauthorized') return first
    session.renewed ??= replaceCredential(credential)
    const renewed = await session.renewed
    const second = renewed === credential ? first : await sendBatch(items, renewed)
    if (second !== 'unauthorized') return second
    return items.map((item) => ({ item, attempt: UNAUTHORIZED_AGAIN }))
  } catch (error) {
    const attempt = classify(error)
    return items.map((item) => ({ item, attempt }))
  }
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
      if (isDraining) return
      isDraining = true
      // After this turn: the answers of one batch request, handed over together, commit together.
      queueMicrotask(() => void drain())
    }).then((settle) => settle())
}

async function sendDue({
  now = Date.now,
  random = Math.random,
  concurrency = FLUSH_CONCURRENCY,
  batchSize = FLUSH_BATCH_SIZE,
}: FlushOptions) {
  const outcome: FlushOutcome = { isSkipped: false, sent: 0, refused: 0, failed: 0 }
  const tried = new Set<string>()
  const busyLanes = new Set<string>()
  const session: Session = { credential: null, renewed: null, canBatch: true }
  const settleSentInBatch = sentSettler()
  let isStopping = false
  // Read once per run, not per item (200 queued items made that the main cost): an enqueue
  // during the run wakes another run (triggers.ts), and a refusal, which removes several, re-reads.
  let items = await listOutbox()

  async function settle(item: OutboxItem, answer: Attempt): Promise<void> {
    let result = answer
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

  async function sendAlone(item: OutboxItem): Promise<void> {
    await settle(item, await attempt(item, session))
  }

  async function sendTogether(group: OutboxItem[]): Promise<void> {
    const answers = await attemptBatch(group, session)
    if (answers === 'unsupported') {
      // Not tried after all: the scheduler sends them one by one.
      session.canBatch = false
      group.forEach((item) => tried.delete(item.id))
      return
    }
    await Promise.all(answers.map(({ item, attempt }) => settle(item, attempt)))
  }

  /**
   * What goes with `first` in one request: further due reports (each of its own lane, which
   * nextDue's rules already allow to start), the due ones shared evenly among the free slots so
   * the requests overlap; just `first` when it is no report or the only one.
   */
  function groupOf(first: OutboxItem, freeSlots: number): OutboxItem[] {
    if (!session.canBatch || batchSize < 2 || !isBatchable(first)) return [first]
    const at = now()
    const waiting = new Set(items.map((item) => item.id))
    const lanes = new Set([laneOf(first)])
    const more = items.filter((item) => {
      const lane = laneOf(item)
      const isFree =
        item !== first &&
        isBatchable(item) &&
        !tried.has(item.id) &&
        item.nextAttemptAt <= at &&
        !busyLanes.has(lane) &&
        !lanes.has(lane) &&
        (item.after === null || !waiting.has(item.after))
      if (isFree) lanes.add(lane)
      return isFree
    })
    const size = Math.min(batchSize, REPORT_BATCH_MAX, Math.ceil((more.length + 1) / freeSlots))
    return [first, ...more.slice(0, size - 1)]
  }

  // Up to `concurrency` requests in flight; each finished one frees its lanes and may unblock
  // their dependents, so the scheduler looks again after every settlement.
  const inFlight = new Set<Promise<void>>()
  for (;;) {
    while (!isStopping && inFlight.size < concurrency) {
      const item = nextDue(items, tried, busyLanes, now())
      if (!item) break
      const group = groupOf(item, concurrency - inFlight.size)
      const lanes = group.map(laneOf)
      group.forEach((each) => tried.add(each.id))
      lanes.forEach((lane) => busyLanes.add(lane))
      const running: Promise<void> = (
        group.length > 1 ? sendTogether(group) : sendAlone(item)
      ).finally(() => {
        lanes.forEach((lane) => busyLanes.delete(lane))
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
