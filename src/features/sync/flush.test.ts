import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '@/lib/db'
import type { ApiProblem } from '@/lib/http'
import { createFakeApi, type FakeApi } from './fake-api'
import { flush } from './flush'
import { enqueue, listOutbox, onOutboxSettled, type OutboxItem } from './outbox'

const NOW = 1_750_000_000_000
const clock = { now: () => NOW, random: () => 0.5 }
// One at a time, for the rules about which item goes next (flush.concurrency.test.ts covers
// several in flight, flush.batch.test.ts several reports in one request).
const serial = { ...clock, concurrency: 1, batchSize: 1 }
const report = (id: string, title = 'title') => ({
  id,
  method: 'POST' as const,
  path: '/reports',
  body: { kind: 'json' as const, value: { id, title } },
  draftId: `draft-${id}`,
})
const photo = (id: string, reportId: string) => ({
  id,
  method: 'POST' as const,
  path: `/tickets/${reportId}/attachments`,
  body: {
    kind: 'multipart' as const,
    fields: { id },
    files: { file: new Blob(['jpeg'], { type: 'image/jpeg' }) },
  },
  after: reportId,
  draftId: `draft-${reportId}`,
})

let api: FakeApi
let sent: { id: string; body: unknown }[]
let refused: { id: string; problem: ApiProblem }[]
let stopHandlers: () => void
const sentPaths = () => api.requests.filter((r) => r.path !== '/api/devices').map((r) => r.path)

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()))
  api = createFakeApi()
  vi.stubGlobal('fetch', api.fetch)
  sent = []
  refused = []
  stopHandlers = onOutboxSettled({
    sent: (item: OutboxItem, body) => void sent.push({ id: item.id, body }),
    refused: (item, problem) => void refused.push({ id: item.id, problem }),
  })
})
afterEach(() => {
  stopHandlers()
  vi.unstubAllGlobals()
})

describe('flush', () => {
  it('sends oldest first, a photo only after its report, each keyed by its own id', async () => {
    await enqueue(report('r1'))
    await enqueue(photo('p1', 'r1'))
    await enqueue(report('r2'))
    await db.outbox.update('r1', { createdAt: Date.now() + 60_000 }) // r1 is the newest: p1 waits

    expect(await flush(clock)).toMatchObject({ sent: 3, refused: 0, failed: 0 })
    expect(sentPaths()).toEqual(['/api/reports', '/api/reports', '/api/tickets/r1/attachments'])
    const keys = api.requests.slice(1).map((r) => r.headers['idempotency-key'])
    expect(keys).toEqual(['r2', 'r1', 'p1'])
    expect(api.requests.slice(1).every((r) => r.headers.authorization?.startsWith('Bearer '))).toBe(
      true,
    )
    // (jsdom's Blob does not survive fake-indexeddb's structured clone, so only its presence.)
    expect(api.requests[3]?.fields).toMatchObject({ id: 'p1', file: expect.any(String) })
    expect(sent.map((s) => s.id)).toEqual(['r2', 'r1', 'p1'])
    expect(sent[0]?.body).toEqual({ id: 'r2', number: 'N-1' })
    expect(await listOutbox()).toEqual([])
  })

  it('keeps an item through a dead network, with its attempts and next try persisted', async () => {
    await enqueue(report('r1'))
    await enqueue(report('r2'))
    api.scriptNext(/reports/, 'offline')

    expect(await flush(serial)).toMatchObject({ sent: 0, failed: 1 })
    expect(api.reports.size).toBe(0)
    const [first, second] = await listOutbox()
    expect(first).toMatchObject({ id: 'r1', attempts: 1, nextAttemptAt: NOW + 500 })
    expect(first?.lastError).toMatch(/^network/)
    // The next item would meet the same dead network: this round stops.
    expect(second).toMatchObject({ id: 'r2', attempts: 0 })

    expect(await flush(clock)).toMatchObject({ sent: 1 })
    expect(sent.map((s) => s.id)).toEqual(['r2'])
    expect(await flush({ ...clock, now: () => NOW + 500 })).toMatchObject({ sent: 1 })
    expect(await listOutbox()).toEqual([])
  })

  it('retries a 5xx later, and sends the other items meanwhile', async () => {
    await enqueue(report('r1'))
    await enqueue(photo('p1', 'r1'))
    await enqueue(report('r2'))
    api.scriptNext(/reports/, {
      status: 503,
      body: { type: 'about:blank', title: 'Down', status: 503 },
    })

    expect(await flush(clock)).toMatchObject({ sent: 1, failed: 1 })
    expect(sent.map((s) => s.id)).toEqual(['r2'])
    expect(await listOutbox()).toMatchObject([
      { id: 'r1', attempts: 1, nextAttemptAt: NOW + 500, lastError: '503 Down' },
      { id: 'p1', attempts: 0 },
    ])
    await db.outbox.update('r1', { attempts: 3 })
    api.scriptNext(/reports/, { status: 500 })
    await flush({ ...clock, now: () => NOW + 500 })
    expect(await db.outbox.get('r1')).toMatchObject({
      attempts: 4,
      nextAttemptAt: NOW + 500 + 4_000,
    })
  })

  it("honours 429's Retry-After and stops the round", async () => {
    await enqueue(report('r1'))
    await enqueue(report('r2'))
    api.scriptNext(/reports/, {
      status: 429,
      body: { type: 'about:blank', title: 'Too Many Requests', status: 429 },
      headers: { 'retry-after': '120' },
    })
    expect(await flush(serial)).toMatchObject({ sent: 0, failed: 1 })
    expect(sentPaths()).toEqual(['/api/reports'])
    const item = await db.outbox.get('r1')
    expect(item?.nextAttemptAt).toBe(NOW + 120_000)
  })

  it('gives a refused report back with its photos and the problem; the rest still go', async () => {
    await enqueue(report('bad', ''))
    await enqueue(photo('p1', 'bad'))
    await enqueue(photo('p2', 'p1'))
    await enqueue(report('good'))

    expect(await flush(clock)).toMatchObject({ sent: 1, refused: 3 })
    expect(refused.map((r) => r.id)).toEqual(['bad', 'p1', 'p2'])
    expect(refused[0]?.problem.status).toBe(422)
    expect(refused[0]?.problem.problem.errors).toEqual([{ field: 'title', code: 'required' }])
    expect(refused[0]?.problem.problem.message?.zh).toBe('错误 422')
    expect(sentPaths()).toEqual(['/api/reports', '/api/reports'])
    expect(sent.map((s) => s.id)).toEqual(['good'])
    expect(await listOutbox()).toEqual([])
  })

  it('takes a 409 for a report id reused with another body as a refusal', async () => {
    await enqueue(report('r1', 'first'))
    await flush(clock)
    await enqueue({ ...report('r1', 'changed'), id: 'r1' })
    expect(await flush(clock)).toMatchObject({ refused: 1 })
    expect(refused[0]?.problem.status).toBe(409)
  })

  it('times out a request that never answers and keeps the item', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    await enqueue(report('r1'))
    api.scriptNext(/reports/, 'hang')
    const flushing = flush(clock)
    await vi.waitFor(() => expect(sentPaths()).toEqual(['/api/reports']))
    await vi.advanceTimersByTimeAsync(20_000)
    expect(await flushing).toMatchObject({ failed: 1 })
    expect(await db.outbox.get('r1')).toMatchObject({ attempts: 1, lastError: 'timeout' })
    vi.useRealTimers()
  })
})
