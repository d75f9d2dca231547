import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '@/lib/db'
import { createFakeApi, type FakeApi } from './fake-api'
import { FLUSH_CONCURRENCY, REPORT_BATCH_PATH, flush } from './flush'
import { enqueue, listOutbox, onOutboxSettled, type OutboxItem } from './outbox'

// Several reports in one request (`POST /reports/batch`): the rules of one report per request
// (flush.test.ts, flush.concurrency.test.ts) hold for each report of a batch.
const NOW = 1_750_000_000_000
const clock = { now: () => NOW, random: () => 0.5 }
const report = (id: string, title = 't') => ({
  id,
  method: 'POST' as const,
  path: '/reports',
  body: { kind: 'json' as const, value: { id, title } },
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
const rating = (id: string, ticketId: string) => ({
  id,
  method: 'POST' as const,
  path: `/tickets/${ticketId}/rating`,
  body: { kind: 'json' as const, value: { id, stars: 5 } },
})
const BATCH = `/api${REPORT_BATCH_PATH}`

/**
 * The fake API behind a gate that holds every request (but device registration) a few ms, so
 * requests started together are in flight together, and logs when each report, photo or rating
 * starts and ends: a batch logs each of its reports.
 */
function gatedApi(api: FakeApi) {
  const log: string[] = []
  async function fetch(input: string, init?: RequestInit): Promise<Response> {
    const path = new URL(input, 'http://localhost').pathname
    if (path === '/api/devices') return api.fetch(input, init)
    const keys =
      path === BATCH
        ? (JSON.parse(init?.body as string) as { reports: { id: string }[] }).reports.map(
            (each) => each.id,
          )
        : [new Headers(init?.headers).get('idempotency-key') ?? '?']
    keys.forEach((key) => log.push(`start ${key}`))
    try {
      await new Promise((resolve) => setTimeout(resolve, 5))
      return await api.fetch(input, init)
    } finally {
      keys.forEach((key) => log.push(`end ${key}`))
    }
  }
  return { fetch, log }
}

let api: FakeApi
let gate: ReturnType<typeof gatedApi>
let settled: string[]
let stopHandlers: () => void
const batches = () => api.requests.filter((r) => r.path === BATCH)
const reportsIn = (r: { json: unknown }) =>
  (r.json as { reports: { id: string }[] }).reports.map((each) => each.id)
const reportKeys = () =>
  api.requests.filter((r) => r.path === '/api/reports').map((r) => r.headers['idempotency-key'])
const ids = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `r${from + i}`)

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

describe('flush with several reports in one request', () => {
  it('sends many reports in a few requests, each created and settled once', async () => {
    for (const id of ids(1, 12)) await enqueue(report(id))

    expect(await flush(clock)).toMatchObject({ sent: 12, failed: 0 })
    // Shared among the requests in flight: a few requests, none of them alone.
    expect(batches()).toHaveLength(FLUSH_CONCURRENCY)
    expect(batches().flatMap(reportsIn).sort()).toEqual(ids(1, 12).sort())
    expect(api.reports.size).toBe(12)
    expect(settled.sort()).toEqual(ids(1, 12).sort())
    expect(await listOutbox()).toEqual([])
  })

  it('never sends a photo or a rating before its report is accepted, nor with it', async () => {
    for (let i = 1; i <= 4; i += 1) {
      await enqueue(report(`r${i}`))
      await enqueue(photo(`p${i}`, `r${i}`))
      await enqueue(rating(`s${i}`, `r${i}`))
    }

    // (the fake has no rating route: its 404 refuses them, which is still an answer in order)
    expect(await flush({ ...clock, concurrency: 2 })).toMatchObject({
      sent: 8,
      refused: 4,
      failed: 0,
    })
    expect(batches()).toHaveLength(2)
    expect(
      batches()
        .flatMap(reportsIn)
        .every((id) => id.startsWith('r')),
    ).toBe(true)
    const at = (event: string) => gate.log.indexOf(event)
    for (let i = 1; i <= 4; i += 1) {
      expect(at(`end r${i}`)).toBeGreaterThan(-1)
      expect(at(`start p${i}`)).toBeGreaterThan(at(`end r${i}`))
      expect(at(`start s${i}`)).toBeGreaterThan(at(`end p${i}`))
    }
  })

  it('never puts a report in the request of the item it waits for', async () => {
    await enqueue(report('r1'))
    await enqueue({ ...report('r2'), after: 'r1' })
    await enqueue(report('r3'))

    expect(await flush({ ...clock, concurrency: 1 })).toMatchObject({ sent: 3 })
    expect(batches().map(reportsIn)).toEqual([['r1', 'r3']])
    expect(reportKeys()).toEqual(['r1', 'r3', 'r2'])
  })

  it('sends a batch whose answer was lost again, and the server creates nothing twice', async () => {
    for (const id of ids(1, 8)) await enqueue(report(id))
    // The server stores r1's batch, but the answer never reaches the phone.
    api.scriptNext(/^\/api\/reports$/, 'lose-response')

    const first = await flush(clock)
    const lost = batches().find((r) => reportsIn(r).includes('r1'))
    const lostIds = lost ? reportsIn(lost) : []
    expect(lostIds.length).toBeGreaterThan(1)
    expect(first).toMatchObject({ sent: 8 - lostIds.length, failed: lostIds.length })
    expect(await listOutbox()).toMatchObject(lostIds.map((id) => ({ id, attempts: 1 })))
    expect(api.reports.size).toBe(8)

    expect(await flush({ ...clock, now: () => NOW + 60_000 })).toMatchObject({
      sent: lostIds.length,
    })
    expect(await listOutbox()).toEqual([])
    expect(api.reports.size).toBe(8)
    // Sent twice, settled once: each report's handlers ran exactly once.
    expect(reportKeys().filter((key) => key === 'r1')).toEqual(['r1', 'r1'])
    expect(settled.sort()).toEqual(ids(1, 8).sort())
  })

  it('refuses one report of a batch alone: it and its photo leave, the others are sent', async () => {
    await enqueue(report('r1'))
    await enqueue(report('bad', ''))
    await enqueue(photo('p-bad', 'bad'))
    await enqueue(report('r2'))

    expect(await flush({ ...clock, concurrency: 1 })).toMatchObject({
      sent: 2,
      refused: 2,
      failed: 0,
    })
    expect(batches().map(reportsIn)).toEqual([['r1', 'bad', 'r2']])
    expect(api.requests.some((r) => r.path === '/api/tickets/bad/attachments')).toBe(false)
    expect(settled.sort()).toEqual(['r1', 'r2'])
    expect(await listOutbox()).toEqual([])
  })

  it('keeps a report of a batch that met a 5xx, with its photo, and sends the others', async () => {
    await enqueue(report('r1'))
    await enqueue(photo('p1', 'r1'))
    await enqueue(report('r2'))
    await enqueue(report('r3'))
    api.scriptNext(/^\/api\/reports$/, {
      status: 503,
      body: { type: 'about:blank', title: 'Down', status: 503 },
    })

    expect(await flush({ ...clock, concurrency: 1 })).toMatchObject({ sent: 2, failed: 1 })
    expect(await listOutbox()).toMatchObject([
      { id: 'r1', attempts: 1, lastError: '503 Down' },
      { id: 'p1', attempts: 0 },
    ])
    expect(await flush({ ...clock, now: () => NOW + 60_000 })).toMatchObject({ sent: 2 })
    expect(settled).toEqual(['r2', 'r3', 'r1', 'p1'])
  })

  it('keeps every report of a batch that met a dead network, and starts nothing more', async () => {
    for (const id of ids(1, 8)) await enqueue(report(id))
    api.scriptNext(/^\/api\/reports$/, 'offline')

    const outcome = await flush(clock)
    const waiting = await listOutbox()
    expect(outcome.failed).toBeGreaterThan(1)
    expect(waiting.filter((item) => item.attempts === 1)).toHaveLength(outcome.failed)
    expect(waiting).toHaveLength(8 - outcome.sent)
    expect(api.reports.has('r1')).toBe(false)

    expect(await flush({ ...clock, now: () => NOW + 60_000 })).toMatchObject({
      sent: 8 - outcome.sent,
    })
    expect(settled.sort()).toEqual(ids(1, 8).sort())
    expect(api.reports.size).toBe(8)
  })

  it('registers the device again once when a batch meets a 401, and sends it again', async () => {
    await enqueue(report('r0'))
    await flush(clock)
    api.forgetDevices()
    for (const id of ids(1, 6)) await enqueue(report(id))

    expect(await flush(clock)).toMatchObject({ sent: 6, failed: 0 })
    expect(api.requests.filter((r) => r.path === '/api/devices')).toHaveLength(2)
    expect(api.reports.size).toBe(7)
  })

  it('sends the reports one by one to a server without the batch route', async () => {
    const newer = gate.fetch
    vi.stubGlobal('fetch', (input: string, init?: RequestInit) =>
      new URL(input, 'http://localhost').pathname === BATCH
        ? Promise.resolve(
            new Response(JSON.stringify({ type: 'about:blank', title: 'Not Found', status: 404 }), {
              status: 404,
              headers: { 'content-type': 'application/problem+json' },
            }),
          )
        : newer(input, init),
    )
    for (const id of ids(1, 6)) await enqueue(report(id))

    expect(await flush(clock)).toMatchObject({ sent: 6, failed: 0, refused: 0 })
    expect(reportKeys().sort()).toEqual(ids(1, 6).sort())
    expect(settled.sort()).toEqual(ids(1, 6).sort())
  })
})
