/**
 * What app.ts hands every route plugin: the store, the clock, the configuration and the services
 * built once per app. Kept apart from app.ts so routes, plugins and workflow can name these types
 * without importing the module that imports them all (which would close an import cycle).
 */
import type { Config } from '../config.js'
import type { VapidConfig } from '../notification-config.js'
import type { DbHandle } from '../storage/database.js'
import type { Secrets } from '../storage/secrets.js'
import type { CodeSender } from '../workflow/code-sender.js'
import type { ReadCaches } from '../workflow/read-caches.js'
import type { Clock } from './clock.js'

/** The process's place in its life; server.ts sets `isDraining` on SIGTERM. */
export type Lifecycle = { isDraining: boolean }

export const createLifecycle = (): Lifecycle => ({ isDraining: false })

/** Live-stream timings and caps (defaults in routes/events.ts). */
export type EventStreamSettings = {
  heartbeatMs: number
  /** The reconnect delay the `retry:` line asks of EventSource. */
  retryMs: number
  pollMs: number
  /** How long later events wait for an earlier id still being committed (see event-order.ts). */
  graceMs: number
  lateMs: number
  maxStreamsPerUser: number
  /** Open streams per process (MAX_STREAMS); past it 503 with Retry-After. */
  maxStreams: number
  /** How long a stream trusts its last credential check before it sends (the heartbeat always checks). */
  recheckMs: number
}

export type AppDeps = {
  db: DbHandle
  clock: Clock
  config: Config
  secrets: Secrets
  /** Sends one-time link codes; by default they are written to the server log. */
  codeSender?: CodeSender
  /** Live-stream timings and caps; tests shorten the heartbeat and the waits. */
  eventStreams?: Partial<EventStreamSettings>
  /** What owner requests read again and again, kept until the next commit (read-caches.ts). */
  reads: ReadCaches
  /** Draining or not (server.ts sets it on SIGTERM; /api/ready reports it). */
  lifecycle?: Lifecycle
  /** The Web Push key pair: from the environment, or generated and kept in the store (demo). */
  vapid: VapidConfig
}
