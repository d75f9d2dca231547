import { describe, expect, it, vi } from 'vitest'
import { openTicketStream, type StreamDeps, type TicketChange } from './ticket-stream'

type Script = { chunks: string[]; status?: number; keepOpen?: boolean }

/** A fetch that answers each connection with the next scripted stream and records its headers. */
function fakeServer(scripts: Script[]) {
  const requests: Record<string, string>[] = []
  const fetch: StreamDeps['fetch'] = (_url, init) => {
    requests.push({ ...(init.headers as Record<string, string>) })
    const script = scripts.shift() ?? { chunks: [], keepOpen: true }
    const encoder = new TextEncoder()
    const body = new ReadableStream<Uint8Array<ArrayBuffer>>({
      start(controller) {
        for (const chunk of script.chunks) controller.enqueue(encoder.encode(chunk))
        if (!script.keepOpen) controller.close()
        init.signal?.addEventListener('abort', () => controller.error(new Error('aborted')))
      },
    })
    const status = script.status ?? 200
    return Promise.resolve({ ok: status < 300, status, body })
  }
  return { fetch, requests }
}

const change = (id: number, ticketId: string) =>
  `id: ${id}\nevent: ticket\ndata: ${JSON.stringify({ ticketId, type: 'accept', status: 'accepted', at: '2026-03-02T10:00:00+08:00' })}\n\n`

function start(scripts: Script[], credential: string | null = 'cred') {
  const server = fakeServer(scripts)
  const changes: TicketChange[] = []
  const onReady = vi.fn()
  const waits: number[] = []
  const stream = openTicketStream(
    { onChange: (each) => changes.push(each), onReady },
    {
      credential: () => Promise.resolve(credential),
      fetch: server.fetch,
      // A macrotask, as a real timer is: a stream that keeps failing must not starve the test.
      wait: (ms) => {
        waits.push(ms)
        return new Promise((resolve) => setTimeout(resolve, 0))
      },
    },
  )
  return { stream, changes, onReady, waits, requests: server.requests }
}

describe('openTicketStream', () => {
  it('sends the credential and hands on each change and the ready mark', async () => {
    const { stream, changes, onReady, requests } = start([
      {
        chunks: ['retry: 3000\n\n', change(4, 't-1'), 'id: 4\nevent: ready\ndata: {}\n\n'],
        keepOpen: true,
      },
    ])
    await vi.waitFor(() => expect(onReady).toHaveBeenCalled())
    expect(changes.map((each) => each.ticketId)).toEqual(['t-1'])
    expect(requests[0]).toMatchObject({ authorization: 'Bearer cred' })
    expect(requests[0]).not.toHaveProperty('last-event-id')
    stream.close()
  })

  it('after a drop, reconnects with the last event id so the server replays what was missed', async () => {
    const { stream, changes, requests } = start([
      { chunks: [change(4, 't-1'), change(5, 't-2')] },
      { chunks: [change(6, 't-3')], keepOpen: true },
    ])
    await vi.waitFor(() => expect(changes).toHaveLength(3))
    expect(requests[1]).toMatchObject({ 'last-event-id': '5' })
    expect(stream.lastEventId).toBe('6')
    stream.close()
  })

  it('backs off longer after each refused connection', async () => {
    const { stream, waits } = start([
      { chunks: [], status: 503 },
      { chunks: [], status: 503 },
      { chunks: [], status: 503 },
    ])
    await vi.waitFor(() => expect(waits.length).toBeGreaterThanOrEqual(3))
    expect(waits.slice(0, 3)).toEqual([2000, 4000, 8000])
    stream.close()
  })

  it('reconnect() drops a silent stream and resumes at once from the last id', async () => {
    const { stream, changes, requests } = start([
      { chunks: [change(9, 't-1')], keepOpen: true },
      { chunks: [change(10, 't-1')], keepOpen: true },
    ])
    await vi.waitFor(() => expect(changes).toHaveLength(1))
    stream.reconnect()
    await vi.waitFor(() => expect(changes).toHaveLength(2))
    expect(requests[1]).toMatchObject({ 'last-event-id': '9' })
    stream.close()
  })

  it('does not connect while the phone has no credential', async () => {
    const { stream, requests, waits } = start([], null)
    await vi.waitFor(() => expect(waits.length).toBeGreaterThan(0))
    expect(requests).toHaveLength(0)
    stream.close()
  })
})
