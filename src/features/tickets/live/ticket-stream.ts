/**
 * The owner's live stream of ticket changes (GET /api/events, Server-Sent Events) read through
 * fetch, so the device credential goes as a bearer header and no stream token is needed. After a
 * drop it reconnects with `Last-Event-ID`, so the server replays what was missed; the delay grows
 * 1 s, 2 s, 4 s … up to 30 s and starts over once a stream has opened. `reconnect()` (the phone
 * came back online) drops a stream that may be silently dead and resumes at once.
 */
import { z } from 'zod'
import { createSseParser } from './sse-parser'

export const ticketChangeSchema = z.object({
  ticketId: z.string(),
  type: z.string(),
  status: z.string(),
  at: z.string(),
})
export type TicketChange = z.infer<typeof ticketChangeSchema>

type StreamResponse = Pick<Response, 'ok' | 'status' | 'body'>

export type StreamDeps = {
  /** The device credential, or null when the phone has none yet (then it waits and asks again). */
  credential: () => Promise<string | null>
  fetch: (url: string, init: RequestInit) => Promise<StreamResponse>
  wait: (ms: number, signal: AbortSignal) => Promise<void>
}

export type StreamHandlers = {
  onChange(change: TicketChange): void
  /** The backlog since the resume point has arrived: the client is up to date. */
  onReady(): void
}

export type TicketStream = { close(): void; reconnect(): void; readonly lastEventId: string | null }

export const EVENTS_URL = '/api/events'
const MAX_DELAY_MS = 30_000

export const retryDelay = (failures: number) => Math.min(MAX_DELAY_MS, 1000 * 2 ** failures)

export function openTicketStream(handlers: StreamHandlers, deps: StreamDeps): TicketStream {
  let lastEventId: string | null = null
  let isClosed = false
  let current = new AbortController()

  async function readStream(response: StreamResponse, signal: AbortSignal) {
    if (!response.body) return
    const parser = createSseParser()
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
    signal.addEventListener('abort', () => void reader.cancel().catch(() => {}))
    for (;;) {
      const { done, value } = await reader.read()
      if (done || signal.aborted) return
      for (const message of parser.push(value)) {
        if (message.id !== null) lastEventId = message.id
        if (message.event === 'ready') handlers.onReady()
        if (message.event !== 'ticket') continue
        const change = ticketChangeSchema.safeParse(JSON.parse(message.data))
        if (change.success) handlers.onChange(change.data)
      }
    }
  }

  async function connectOnce(signal: AbortSignal): Promise<boolean> {
    const credential = await deps.credential()
    if (credential === null) return false
    const headers: Record<string, string> = {
      accept: 'text/event-stream',
      authorization: `Bearer ${credential}`,
    }
    if (lastEventId !== null) headers['last-event-id'] = lastEventId
    const response = await deps.fetch(EVENTS_URL, { headers, signal, cache: 'no-store' })
    if (!response.ok) return false
    await readStream(response, signal)
    return true
  }

  async function run() {
    let failures = 0
    while (!isClosed) {
      const { signal } = current
      const opened = await connectOnce(signal).catch(() => false)
      failures = opened ? 0 : failures + 1
      if (isClosed) return
      if (signal.aborted) {
        current = new AbortController()
        continue
      }
      await deps.wait(retryDelay(failures), signal).catch(() => {})
      if (signal.aborted && !isClosed) current = new AbortController()
    }
  }

  void run()
  return {
    close() {
      isClosed = true
      current.abort()
    },
    reconnect() {
      current.abort()
    },
    get lastEventId() {
      return lastEventId
    },
  }
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function waitOrAbort(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve()
    const timer = setTimeout(resolve, ms)
    signal.addEventListener('abort', () => {
      clearTimeout(timer)
      resolve()
    })
  })
}
