/**
 * PostgreSQL's commit notifications, heard on one dedicated connection per process. Triggers
 * (migration 0009) call `pg_notify` inside the writing transaction, so a notification goes out
 * exactly when the write commits, from any writer: this process, another instance, the system
 * job, an administrator's SQL. Two payloads: `events` (a ticket_events row was added: wake the
 * event hub) and `data` (something an owner read cache holds may have changed). PostgreSQL folds
 * repeats within one transaction, so a commit sends at most one of each.
 *
 * While the connection is down nothing is heard: `version()` is then null (read caches read
 * through) and `isListening()` false (the hub polls). The feed reconnects with a growing pause,
 * listens again, and then reports a `resync`, since commits made while it was away were missed.
 */
import pg from 'pg'

export const CHANGE_CHANNEL = 'guishang_changes'

export type ChangeKind = 'events' | 'data' | 'resync' | 'lost'

export type ChangeFeed = {
  /** Moves on every notification, every local commit and every reconnect; null while deaf. */
  version(): number | null
  isListening(): boolean
  /** This process committed: caches must not keep what they read before (no need to wait). */
  noteLocalCommit(): void
  /** Starts listening (once) and calls `listener` for each change; returns the unsubscribe. */
  subscribe(listener: (kind: ChangeKind) => void): () => void
  /** Resolves once listening (or after `timeoutMs`); for start-up and tests. */
  ready(timeoutMs?: number): Promise<boolean>
  close(): Promise<void>
}

export type FeedOptions = {
  /** First pause before reconnecting; doubles up to `maxRetryMs`. */
  retryMs?: number
  maxRetryMs?: number
  onError?: (error: unknown) => void
}

export function openChangeFeed(connectionString: string, options: FeedOptions = {}): ChangeFeed {
  const retryMs = options.retryMs ?? 250
  const maxRetryMs = options.maxRetryMs ?? 5_000
  const onError = options.onError ?? (() => undefined)
  const listeners = new Set<(kind: ChangeKind) => void>()
  const readyWaiters = new Set<() => void>()
  let counter = 0
  let client: pg.Client | null = null
  let listening = false
  let started = false
  let closed = false
  let pause = retryMs
  let retryTimer: NodeJS.Timeout | null = null

  const emit = (kind: ChangeKind) => {
    for (const listener of listeners) listener(kind)
  }

  function lost(from: pg.Client, error?: unknown) {
    if (client !== from) return
    client = null
    from.removeAllListeners('notification')
    from.end().catch(() => undefined)
    if (error !== undefined) onError(error)
    const wasListening = listening
    listening = false
    counter += 1
    if (wasListening) emit('lost')
    schedule()
  }

  function schedule() {
    if (closed || retryTimer) return
    retryTimer = setTimeout(() => {
      retryTimer = null
      void connect()
    }, pause)
    retryTimer.unref()
    pause = Math.min(pause * 2, maxRetryMs)
  }

  async function connect(): Promise<void> {
    if (closed) return
    // keepAlive: a connection dropped without a FIN (a firewall, a failover) is noticed in
    // minutes by TCP keep-alive instead of never.
    const next = new pg.Client({ connectionString, keepAlive: true })
    client = next
    next.on('error', (error) => lost(next, error))
    next.on('end', () => lost(next))
    next.on('notification', (message) => {
      counter += 1
      emit(message.payload === 'events' ? 'events' : 'data')
    })
    try {
      await next.connect()
      await next.query(`listen ${CHANGE_CHANNEL}`)
    } catch (error) {
      lost(next, error)
      return
    }
    if (client !== next || closed) return
    listening = true
    pause = retryMs
    counter += 1
    for (const wake of readyWaiters) wake()
    readyWaiters.clear()
    emit('resync')
  }

  function start() {
    if (started) return
    started = true
    void connect()
  }

  return {
    version: () => {
      start()
      return listening ? counter : null
    },
    isListening: () => listening,
    noteLocalCommit: () => {
      counter += 1
    },
    subscribe(listener) {
      listeners.add(listener)
      start()
      return () => void listeners.delete(listener)
    },
    ready(timeoutMs = 10_000) {
      start()
      if (listening) return Promise.resolve(true)
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer)
          readyWaiters.delete(done)
          resolve(listening)
        }
        const timer = setTimeout(done, timeoutMs)
        readyWaiters.add(done)
      })
    },
    async close() {
      closed = true
      listening = false
      if (retryTimer) clearTimeout(retryTimer)
      listeners.clear()
      const current = client
      client = null
      await current?.end().catch(() => undefined)
    },
  }
}
