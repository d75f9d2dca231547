import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '@/lib/db'
import { createFakeApi, type FakeApi } from './fake-api'
import { FLUSH_CONCURRENCY, flush, laneOf } from './flush'
import { enqueue, listOutbox, onOutboxSettled, type OutboxItem } from './outbox'

const NOW = 1_750_000_000_000
// One report per request: this file is about requests side by side (flush.batch.test.ts puts
// several reports in one request).
const clock = { now: () => NOW, random: () => 0.5, batchSize: 1 }
const report = (id: string) => ({
  id,
  method: 'POST' as const,
  path: '/reports',
  body: { kind: 'json' as const, value: { id, title: 't' } },
  draftId: id,
})
const photo = (id: string, reportId: string) => ({
  id,
  method: 'POST' as const,
  path: `/tickets/${reportId}/attachments`,
  body: { kind: 'multipart' as const, fields: { id }, files: { file: new Blob(['jpeg']) } },
  after: reportId,
  draftId: reportId,
})
// A rating has no `after`: its ticket may already exist. It still keeps its ticket's order.
const rating = (id: string, ticketId: string) => ({
  id,
  method: 'POST' as const,
  path: `/tickets/${ticketId}/rating`,
  body: { kind: 'json' as const, value: { id, stars: 5 } },
})

/**
 * The fake API behind a gate that holds every request (but device registration) for a few
 * milliseconds, so requests the flush starts together are in flight together; it logs when each
 * starts and ends, keyed by its idempotency key, and the most in flight at once.
 */
function gatedApi(api: FakeApi) {
  const log: string[] = []
  let inFlight = 0
  let maxInFlight = 0
  async function fetch(input: string, init?: RequestInit): Promise<Response> {
    if (new URL(input, 'http://localhost').pathname === '/api/devices')
      return api.fetch(input, init)
    const key = new Headers(init?.headers).get('idempotency-key') ?? '?'
    inFlight += 1
    maxInFlight = Math.max(maxInFlight, inFlight)
    log.push(`start ${key}`)
    try {
      await new Promise((resolve) => setTimeout(resolve, 5))
      return await api.fetch(input, init)
    } finally {
      inFlight -= 1
      log.push(`end ${key}`)
    }
  }
  return { fetch, log, maxInFlight: () => maxInFlight }
}

let api: FakeApi
let gate: ReturnType<typeof gatedApi>
let settled: string[]
let stopHandlers: () => void
const reportRequests = () => api.requests.filter((r) => r.path === '/api/reports')

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()))
  api = createFakeApi()
  gate = gatedApi(api)
  vi.stubGlobal('fetch', gate.fetch)
  settled = []
  stopHandlers = onOutboxSettled({ sent: (item: OutboxItem) => void settled.push(item.id) })
})
afterEach(() => {
  stopHandlers()
  vi.unstubAllGlobals()
})

describe('flush with several requests in flight', () => {
  it('sends independent reports side by side, never more than the limit at once', async () => {
    for (let i = 1; i <= 10; i += 1) await enqueue(report(`r${i}`))

    expect(await flush(clock)).toMatchObject({ sent: 10, failed: 0 })
    expect(gate.maxInFlight()).toBeGreaterThan(1)
    expect(gate.maxInFlight()).toBeLessThanOrEqual(FLUSH_CONCURRENCY)
    expect(settled.sort()).toEqual([...Array(10)].map((_, i) => `r${i + 1}`).sort())
    expect(await listOutbox()).toEqual([])
  })

  it('never lets a photo or a rating overtake its own report, even among many', async () => {
    for (let i = 1; i <= 4; i += 1) {
      await enqueue(report(`r${i}`))
      await enqueue(photo(`p${i}`, `r${i}`))
      await enqueue(rating(`s${i}`, `r${i}`))
    }

    // (the fake has no rating route: its 404 refuses them, which is still an answer in order)
    expect(await flush(clock)).toMatchObject({ sent: 8, refused: 4, failed: 0 })
    expect(gate.maxInFlight()).toBeGreaterThan(1)
    const at = (event: string) => gate.log.indexOf(event)
    for (let i = 1; i <= 4; i += 1) {
      // One ticket's requests go one after another, in the order they were queued.
      expect(at(`start p${i}`)).toBeGreaterThan(at(`end r${i}`))
      expect(at(`start s${i}`)).toBeGreaterThan(at(`end p${i}`))
    }
  })

  it('keeps one ticket in order when it has no report in the queue', () => {
    const ticket = 'T-1'
    expect(laneOf({ ...rating('s1', ticket), after: null, draftId: null } as OutboxItem)).toBe(
      laneOf({ ...photo('p1', ticket) } as unknown as OutboxItem),
    )
    expect(laneOf(report('a') as unknown as OutboxItem)).not.toBe(
      laneOf(report('b') as unknown as OutboxItem),
    )
  })

  it('loses nothing when one of the requests in flight fails: it waits, the others go', async () => {
    for (let i = 1; i <= 6; i += 1) await enqueue(report(`r${i}`))
    await enqueue(photo('p1', 'r1'))
    // The first request to reach the server (r1's, started first) meets a 503.
    api.scriptNext(/reports/, {
      status: 503,
      body: { type: 'about:blank', title: 'Down', status: 503 },
    })

    expect(await flush(clock)).toMatchObject({ sent: 5, failed: 1 })
    expect(await listOutbox()).toMatchObject([
      { id: 'r1', attempts: 1, lastError: '503 Down' },
      { id: 'p1', attempts: 0 },
    ])
    expect(api.requests.some((r) => r.path === '/api/tickets/r1/attachments')).toBe(false)

    expect(await flush({ ...clock, now: () => NOW + 60_000 })).toMatchObject({ sent: 2 })
    expect(await listOutbox()).toEqual([])
    expect(settled.filter((id) => id === 'r1' || id === 'p1')).toEqual(['r1', 'p1'])
  })

  it('starts nothing more after a dead network, and the requests in flight still settle', async () => {
    for (let i = 1; i <= 8; i += 1) await enqueue(report(`r${i}`))
    api.scriptNext(/reports/, 'offline')

    const outcome = await flush(clock)
    expect(outcome.failed).toBe(1)
    // Only the first batch left the phone; the rest wait for the next round, untried.
    expect(reportRequests().length).toBeLessThanOrEqual(FLUSH_CONCURRENCY - 1)
    const waiting = await listOutbox()
    expect(waiting).toHaveLength(8 - outcome.sent)
    expect(waiting.filter((item) => item.attempts === 0)).toHaveLength(8 - outcome.sent - 1)

    expect(await flush({ ...clock, now: () => NOW + 60_000 })).toMatchObject({
      sent: 8 - outcome.sent,
    })
    expect(settled.sort()).toEqual([...Array(8)].map((_, i) => `r${i + 1}`).sort())
  })

  it('sends each report exactly once across lost responses and the retry round', async () => {
    for (let i = 1; i <= 6; i += 1) await enqueue(report(`r${i}`))
    // The server stores r1 and r2 but their answers are lost (a dropped connection).
    api.scriptNext(/reports/, 'lose-response')
    api.scriptNext(/reports/, 'lose-response')

    const first = await flush(clock)
    expect(first.failed).toBeGreaterThanOrEqual(1)
    for (let round = 1; (await listOutbox()).length > 0 && round <= 5; round += 1) {
      await flush({ ...clock, now: () => NOW + round * 60_000 })
    }

    expect(await listOutbox()).toEqual([])
    expect(api.reports.size).toBe(6)
    // Every ticket's handlers ran once, whatever was sent twice.
    expect(settled.sort()).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r6'])
    const keys = reportRequests().map((r) => r.headers['idempotency-key'])
    expect(keys.filter((key) => key === 'r1' || key === 'r2').sort()).toEqual([
      'r1',
      'r1',
      'r2',
      'r2',
    ])
  })

  it('registers the device again only once when several requests in flight meet a 401', async () => {
    await enqueue(report('r0'))
    await flush(clock)
    api.forgetDevices()
    for (let i = 1; i <= 6; i += 1) await enqueue(report(`r${i}`))

    expect(await flush(clock)).toMatchObject({ sent: 6, failed: 0 })
    expect(api.requests.filter((r) => r.path === '/api/devices')).toHaveLength(2)
    expect(await listOutbox()).toEqual([])
  })

  it('keeps one item whose handler fails while the answers settled with it still leave', async () => {
    const stopFailing = onOutboxSettled({
      sent: (item: OutboxItem) => {
        if (item.id === 'r2') throw new Error('handler broke')
      },
    })
    for (let i = 1; i <= 6; i += 1) await enqueue(report(`r${i}`))

    expect(await flush(clock)).toMatchObject({ sent: 5, failed: 1 })
    stopFailing()
    expect(await listOutbox()).toMatchObject([
      { id: 'r2', attempts: 1, lastError: 'handler broke' },
    ])
    // The failed batch was rolled back (its handlers' writes with it) and each settled alone.
    expect([...new Set(settled)].filter((id) => id !== 'r2').sort()).toEqual([
      'r1',
      'r3',
      'r4',
      'r5',
      'r6',
    ])
  })
})
