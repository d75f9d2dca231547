/**
 * Server-Sent Events responses. The stream is a PassThrough handed to `reply.send`, not a hijacked
 * socket: Fastify then writes the headers set on the reply (a hijacked response keeps headers
 * set on the raw response, but loses every security header set through
 * `reply.header`), and destroys the stream when the client goes away. Each message is written at
 * once: no compression on this route, Node's sockets send without delay (noDelay), and
 * `Cache-Control: no-transform` plus `X-Accel-Buffering: no` keep proxies from holding it back.
 * The registry caps open streams per user (429) and per process (503, `maxStreams`: each stream
 * holds a socket and a file descriptor), and ends them all when the server closes: each gets a
 * fresh `retry:` (spread over a few seconds, so thousands of clients do not all come back in the
 * same instant) and an `event: reconnect`, so clients reconnect, through the proxy, to another
 * instance. Each stream
 * re-checks its credential with every heartbeat and before it sends after a committed write
 * (stream-guard.ts), and ends once the credential no longer holds: a reconnect then gets a 401.
 */
import { PassThrough } from 'node:stream'
import type { FastifyReply } from 'fastify'
import type { Clock } from '../deps/clock.js'
import { problemFor } from '../plugins/problems.js'
import type { StreamSink, TicketEventRow } from '../workflow/event-hub.js'
import type { CredentialCheck } from '../workflow/stream-credentials.js'
import { createStreamGuard } from './stream-guard.js'

export const SSE_HEADERS = {
  'content-type': 'text/event-stream',
  'cache-control': 'no-cache, no-transform',
  connection: 'keep-alive',
  'x-accel-buffering': 'no',
} as const

export type StreamTimings = {
  heartbeatMs: number
  retryMs: number
  maxPerUser: number
  /** Open streams per process; past it a stream is refused with 503 and Retry-After. */
  maxStreams: number
  /** How long a credential check is trusted before a message is sent (the heartbeat always checks). */
  recheckMs: number
}
export type RegistryDeps = { clock: Clock; onError: (error: unknown) => void }

/** A client that stops reading for this long a backlog is cut off; it reconnects and resumes. */
const MAX_BUFFERED_BYTES = 256 * 1024

export type TicketChange = { ticketId: string; type: string; status: string; at: string }

export const toChange = (row: TicketEventRow): TicketChange => ({
  ticketId: row.ticket_id,
  type: row.type,
  status: row.status,
  at: row.at,
})

export const changeMessage = (row: TicketEventRow): string =>
  `id: ${row.id}\nevent: ticket\ndata: ${JSON.stringify(toChange(row))}\n\n`

export const readyMessage = (id: number): string => `id: ${id}\nevent: ready\ndata: {}\n\n`

/** The last message of a stream the server ends: reconnect after `retryMs` (no id: the position stays). */
export const reconnectMessage = (retryMs: number): string =>
  `retry: ${retryMs}\nevent: reconnect\ndata: {"reason":"shutdown"}\n\n`

/** Reconnect delays at shutdown: from 0.5 s up to the usual retry, spread at random. */
const spreadRetry = (retryMs: number) =>
  Math.round(500 + Math.random() * Math.max(0, retryMs - 500))

export type StreamRegistry = {
  /**
   * Answers with an event stream for `user` (429 past the cap) and calls `subscribe` with its
   * sink; the unsubscribe it resolves to runs when the stream ends, however it ends. The stream
   * lasts while `credential` holds.
   */
  open(
    reply: FastifyReply,
    user: string,
    credential: CredentialCheck,
    subscribe: (sink: StreamSink) => Promise<() => void>,
  ): FastifyReply
  /** A write was committed: every stream checks its credential again before it sends more. */
  recheckCredentials(): void
  /** Ends every open stream (server shutdown) with a reconnect hint; refuses new ones after. */
  endAll(): void
  /** Streams open now. */
  size(): number
}

export function createStreamRegistry(timings: StreamTimings, deps: RegistryDeps): StreamRegistry {
  const streams = new Set<PassThrough>()
  let isEnding = false
  // One heartbeat for all streams: their credential checks then share queries (a stream's first
  // ping comes within one period of opening, as with a timer of its own).
  const beats = new Map<PassThrough, () => Promise<void>>()
  let heartbeat: NodeJS.Timeout | null = null
  const beatAll = () => {
    for (const beat of beats.values()) void beat()
  }
  const addBeat = (stream: PassThrough, beat: () => Promise<void>) => {
    beats.set(stream, beat)
    if (heartbeat) return
    heartbeat = setInterval(beatAll, timings.heartbeatMs)
    heartbeat.unref()
  }
  const removeBeat = (stream: PassThrough) => {
    beats.delete(stream)
    if (beats.size > 0 || !heartbeat) return
    clearInterval(heartbeat)
    heartbeat = null
  }
  const openPerUser = new Map<string, number>()
  let writes = 0
  const guardDeps = { ...deps, recheckMs: timings.recheckMs, writes: () => writes }

  const count = (user: string, delta: number) => {
    const next = (openPerUser.get(user) ?? 0) + delta
    if (next > 0) openPerUser.set(user, next)
    else openPerUser.delete(user)
  }

  return {
    open(reply, user, credential, subscribe) {
      const retryAfter = Math.ceil(timings.retryMs / 1000)
      if (isEnding || streams.size >= timings.maxStreams) {
        reply.header('retry-after', retryAfter)
        throw problemFor(503)
      }
      if ((openPerUser.get(user) ?? 0) >= timings.maxPerUser) {
        reply.header('retry-after', retryAfter)
        throw problemFor(429)
      }
      const stream = new PassThrough()
      const write = (text: string) => {
        if (!stream.writable) return
        stream.write(text)
        if (stream.writableLength > MAX_BUFFERED_BYTES) stream.destroy()
      }
      const guard = createStreamGuard(credential, guardDeps, {
        write,
        onRevoked: () => stream.end(),
      })
      const beat = async () => {
        if (await guard.verify()) write(': ping\n\n')
      }
      let unsubscribe = () => {}
      addBeat(stream, beat)
      streams.add(stream)
      count(user, 1)
      stream.once('close', () => {
        removeBeat(stream)
        unsubscribe()
        streams.delete(stream)
        count(user, -1)
      })
      write(`retry: ${timings.retryMs}\n\n`)
      subscribe({
        send: (row) => guard.write(changeMessage(row)),
        ready: (id) => guard.write(readyMessage(id)),
      })
        .then((stop) => {
          if (stream.closed) stop()
          else unsubscribe = stop
        })
        .catch((error: unknown) => {
          reply.log.error({ err: error }, 'event stream could not start')
          stream.end()
        })
      return reply.code(200).headers(SSE_HEADERS).send(stream)
    },
    recheckCredentials() {
      writes += 1
    },
    endAll() {
      isEnding = true
      for (const stream of streams) {
        if (stream.writable) stream.write(reconnectMessage(spreadRetry(timings.retryMs)))
        stream.end()
      }
    },
    size: () => streams.size,
  }
}
