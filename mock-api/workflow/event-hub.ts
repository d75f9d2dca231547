/**
 * The per-process fan-out of ticket changes to open streams. Live events come from the
 * ticket_events table, never from memory, so every writer is seen: this process, another process
 * on the same store, the system job. One reader per hub reads new rows while anyone listens (none
 * when nobody does) and wakes at once on `wake()`, which the app calls after each committed
 * write. On PostgreSQL it also wakes on the store's `events` notification (change-feed.ts), sent
 * by whichever process commits, and otherwise sleeps: it reads every `pollMs` only while the
 * feed is not listening (a lost connection) or while events wait for a gap to fill. On SQLite
 * it reads every `pollMs`. EventOrder releases rows in id order despite PostgreSQL's out-of-order
 * commits. Opening a stream registers it first and then reads its backlog up to the watermark,
 * so each event reaches it once: from the backlog, or live after it (late events excepted).
 */
import type { Clock } from '../deps/clock.js'
import type { DbHandle } from '../storage/database.js'
import type { TicketEventRow } from '../storage/ticket-events.js'
import { eventsAfter, latestEvents } from '../storage/ticket-events.js'
import { EventOrder } from './event-order.js'

/** One committed ticket change, as a stream sends it. */
export type { TicketEventRow }

/** Whose events a stream carries. Streams with the same key share one `pick` per batch. */
export type Audience = {
  key: string
  /** The rows of `rows` this audience may see, in the given order. */
  pick(rows: readonly TicketEventRow[]): Promise<readonly TicketEventRow[]>
  /** Its events with after < id ≤ upTo, oldest first. */
  backlog(range: { after: number; upTo: number }, limit: number): Promise<TicketEventRow[]>
  /** Its newest event id at or below `upTo`, or 0. */
  latestId(upTo: number): Promise<number>
}

export type StreamSink = {
  send(row: TicketEventRow): void
  /** Caught up: `id` is where to resume from (the last event sent, or the audience's newest). */
  ready(id: number): void
}

export type HubTimings = { pollMs: number; graceMs: number; lateMs: number }

export type EventHub = {
  /** Sends events after `after` (null: none, only the position), then live ones; returns the unsubscribe. */
  open(audience: Audience, after: number | null, sink: StreamSink): Promise<() => void>
  /** Polls now (a write was just committed); nothing when nobody listens. */
  wake(): void
  /** Stops polling and refuses new streams; resolves when a running poll has finished. */
  close(): Promise<void>
}

type Subscriber = {
  audience: Audience
  sink: StreamSink
  lastSent: number
  /** Live rows that arrived while the backlog was being sent. */
  queue: { row: TicketEventRow; isLate: boolean }[] | null
}

const PAGE = 500
const SEED_ROWS = 200
const MAX_GAPS = 2_000

/**
 * `onCommitted` is called before the hub hands out the rows it releases: their writer, whichever
 * process it was, committed a write that may have ended a stream's credential. It must not throw
 * (the rows are already taken from the order by then).
 */
export function createEventHub(
  deps: { db: DbHandle; clock: Clock },
  timings: HubTimings,
  onError: (error: unknown) => void,
  onCommitted: () => void = () => {},
): EventHub {
  const db = deps.db.db
  const subscribers = new Set<Subscriber>()
  let order: Promise<EventOrder<TicketEventRow>> | null = null
  let loop: Promise<void> = Promise.resolve()
  let isClosed = false
  let isWoken = false
  let stopSleeping: (() => void) | null = null

  const deliver = (subscriber: Subscriber, row: TicketEventRow, isLate: boolean) => {
    if (subscriber.queue) {
      subscriber.queue.push({ row, isLate })
    } else if (isLate || row.id > subscriber.lastSent) {
      subscriber.sink.send(row)
      subscriber.lastSent = Math.max(subscriber.lastSent, row.id)
    }
  }

  async function dispatch(rows: readonly TicketEventRow[], isLate: boolean): Promise<void> {
    if (rows.length === 0) return
    const groups = new Map<string, Subscriber[]>()
    for (const subscriber of subscribers) {
      const group = groups.get(subscriber.audience.key) ?? []
      groups.set(subscriber.audience.key, [...group, subscriber])
    }
    for (const group of groups.values()) {
      const audience = group[0]?.audience
      if (!audience) continue
      const picked = await audience.pick(rows)
      for (const subscriber of group) {
        if (!subscribers.has(subscriber)) continue
        for (const row of picked) deliver(subscriber, row, isLate)
      }
    }
  }

  async function seed(): Promise<EventOrder<TicketEventRow>> {
    const seeded = new EventOrder<TicketEventRow>({ ...timings, maxGaps: MAX_GAPS })
    const now = deps.clock.now().getTime()
    const isRecent = (row: TicketEventRow) => now - Date.parse(row.at) < timings.graceMs
    seeded.seed(await latestEvents(db, SEED_ROWS), isRecent, performance.now())
    return seeded
  }

  /** Reads one page; true when there may be more right away. */
  async function poll(current: EventOrder<TicketEventRow>): Promise<boolean> {
    const rows = await eventsAfter(db, current.highest, current.awaited(), PAGE)
    const { inOrder, late } = current.take(rows, performance.now())
    if (inOrder.length > 0 || late.length > 0) onCommitted()
    await dispatch(inOrder, false)
    await dispatch(late, true)
    return rows.length === PAGE
  }

  const feed = deps.db.changes
  let unsubscribeFeed: (() => void) | null = null
  const listenToFeed = () => {
    if (!feed || unsubscribeFeed) return
    // `events` after a commit; `resync` and `lost`: notifications may have been missed, read now.
    unsubscribeFeed = feed.subscribe((kind) => {
      if (kind !== 'data') wake()
    })
  }
  const needsTimer = (current: EventOrder<TicketEventRow>) =>
    !feed || !feed.isListening() || current.isWaiting

  function wake() {
    if (stopSleeping) stopSleeping()
    else isWoken = true
  }

  const sleep = (current: EventOrder<TicketEventRow>) =>
    new Promise<void>((resolve) => {
      if (isWoken || isClosed) return resolve()
      const timer = needsTimer(current) ? setTimeout(done, timings.pollMs) : undefined
      stopSleeping = done
      function done() {
        clearTimeout(timer)
        stopSleeping = null
        resolve()
      }
    })

  async function run(current: EventOrder<TicketEventRow>): Promise<void> {
    while (!isClosed && subscribers.size > 0) {
      isWoken = false
      let hasMore = false
      try {
        hasMore = await poll(current)
      } catch (error) {
        onError(error)
      }
      if (!hasMore) await sleep(current)
    }
    // Idle: the next stream seeds afresh from the table.
    order = null
  }

  function start(): Promise<EventOrder<TicketEventRow>> {
    if (order) return order
    listenToFeed()
    const seeding = seed()
    order = seeding
    loop = seeding.then(run, (error: unknown) => {
      order = null
      throw error
    })
    loop.catch(() => {})
    return seeding
  }

  async function sendBacklog(subscriber: Subscriber, upTo: number): Promise<void> {
    for (;;) {
      const range = { after: subscriber.lastSent, upTo }
      const rows = await subscriber.audience.backlog(range, PAGE)
      for (const row of rows) subscriber.sink.send(row)
      subscriber.lastSent = rows.at(-1)?.id ?? subscriber.lastSent
      if (rows.length < PAGE) return
    }
  }

  return {
    async open(audience, after, sink) {
      if (isClosed) throw new Error('the event hub is closed')
      const subscriber: Subscriber = { audience, sink, lastSent: 0, queue: [] }
      subscribers.add(subscriber)
      const unsubscribe = () => void subscribers.delete(subscriber)
      try {
        const current = await start()
        const upTo = current.watermark
        // A position this hub has not reached (another process ahead, or a reset store) is not
        // trusted: start from the audience's newest event; at worst some events come twice.
        if (after === null || after > current.highest) {
          subscriber.lastSent = await audience.latestId(upTo)
        } else {
          subscriber.lastSent = after
          await sendBacklog(subscriber, upTo)
        }
        const queued = subscriber.queue ?? []
        subscriber.queue = null
        for (const { row, isLate } of queued) deliver(subscriber, row, isLate)
        sink.ready(subscriber.lastSent)
        return unsubscribe
      } catch (error) {
        unsubscribe()
        throw error
      }
    },
    wake,
    async close() {
      isClosed = true
      unsubscribeFeed?.()
      subscribers.clear()
      stopSleeping?.()
      await loop.catch(() => {})
    },
  }
}
