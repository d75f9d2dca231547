import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '@/lib/db'
import { SETTING_DEVICE } from '@/lib/device'
import { createFakeApi, type FakeApi } from './fake-api'
import { flush } from './flush'
import { enqueue, listOutbox, onOutboxSettled } from './outbox'

const NOW = 1_750_000_000_000
const clock = { now: () => NOW, random: () => 0.5 }
// One request of one item at a time, so which request meets the 401 first is fixed
// (flush.concurrency.test.ts has the 401 met by several requests in flight, flush.batch.test.ts
// by a batch).
const serial = { ...clock, concurrency: 1, batchSize: 1 }
const report = (id: string) => ({
  id,
  method: 'POST' as const,
  path: '/reports',
  body: { kind: 'json' as const, value: { id, title: 't' } },
})

/** navigator.locks as Chromium behaves for one origin: exclusive, `ifAvailable` gets null. */
function installWebLocks() {
  const held = new Set<string>()
  const locks = {
    async request<T>(
      name: string,
      options: { ifAvailable?: boolean },
      callback: (lock: { name: string } | null) => Promise<T> | T,
    ): Promise<T> {
      if (held.has(name)) {
        if (options.ifAvailable) return callback(null)
        throw new Error('this fake only grants ifAvailable requests')
      }
      held.add(name)
      try {
        return await callback({ name })
      } finally {
        held.delete(name)
      }
    },
  }
  Object.defineProperty(navigator, 'locks', { value: locks, configurable: true })
}

let api: FakeApi
let sentIds: string[]
let stopHandlers: () => void
const reportsSent = () => api.requests.filter((r) => r.path === '/api/reports')
const devicesRegistered = () => api.requests.filter((r) => r.path === '/api/devices').length

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()))
  api = createFakeApi()
  vi.stubGlobal('fetch', api.fetch)
  sentIds = []
  stopHandlers = onOutboxSettled({ sent: (item) => void sentIds.push(item.id) })
})
afterEach(() => {
  stopHandlers()
  vi.unstubAllGlobals()
  Reflect.deleteProperty(navigator, 'locks')
})

describe('flush recovering from what goes wrong', () => {
  it('registers the device on first need and keeps its credential', async () => {
    await enqueue(report('r1'))
    await flush(clock)
    await enqueue(report('r2'))
    await flush(clock)
    expect(devicesRegistered()).toBe(1)
    const stored = (await db.settings.get(SETTING_DEVICE))?.value as { credential: string }
    expect(reportsSent().map((r) => r.headers.authorization)).toEqual([
      `Bearer ${stored.credential}`,
      `Bearer ${stored.credential}`,
    ])
  })

  it('on a 401 registers the device again, once, and sends the queue with the new credential', async () => {
    await enqueue(report('r1'))
    await flush(clock)
    api.forgetDevices()
    await enqueue(report('r2'))
    await enqueue(report('r3'))

    expect(await flush(serial)).toMatchObject({ sent: 2, failed: 0 })
    expect(devicesRegistered()).toBe(2)
    const [rejected, retried, next] = reportsSent().slice(1)
    expect(rejected?.headers.authorization).not.toBe(retried?.headers.authorization)
    expect([retried?.json, next?.json]).toMatchObject([{ id: 'r2' }, { id: 'r3' }])
    expect(next?.headers.authorization).toBe(retried?.headers.authorization)
    expect(sentIds).toEqual(['r1', 'r2', 'r3'])
  })

  it('does not loop when the new credential is refused too: the queue is kept', async () => {
    await enqueue(report('r1'))
    await enqueue(report('r2'))
    const unauthorized = { status: 401, body: { type: 'about:blank', title: 'No', status: 401 } }
    api.scriptNext(/reports/, unauthorized)
    api.scriptNext(/reports/, unauthorized)

    expect(await flush(serial)).toMatchObject({ sent: 0, failed: 1 })
    expect(devicesRegistered()).toBe(2)
    expect(reportsSent()).toHaveLength(2)
    expect(await listOutbox()).toMatchObject([
      { id: 'r1', attempts: 1, lastError: '401 Unauthorized' },
      { id: 'r2', attempts: 0 },
    ])
  })

  it('when the response is lost after the server stored the report, the retry yields the same ticket', async () => {
    await enqueue(report('r1'))
    api.scriptNext(/reports/, 'lose-response')
    expect(await flush(clock)).toMatchObject({ sent: 0, failed: 1 })
    expect(api.reports.has('r1')).toBe(true)
    expect(sentIds).toEqual([])

    expect(await flush({ ...clock, now: () => NOW + 60_000 })).toMatchObject({ sent: 1 })
    expect(reportsSent().map((r) => r.headers['idempotency-key'])).toEqual(['r1', 'r1'])
    expect(api.reports.size).toBe(1)
    expect(sentIds).toEqual(['r1'])
  })

  it('with Web Locks, two concurrent flushes send each item once', async () => {
    installWebLocks()
    await enqueue(report('r1'))
    await enqueue(report('r2'))
    const [first, second] = await Promise.all([flush(clock), flush(clock)])
    expect([first.isSkipped, second.isSkipped]).toEqual([false, true])
    expect(reportsSent().map((r) => r.headers['idempotency-key'])).toEqual(['r1', 'r2'])
    expect(sentIds).toEqual(['r1', 'r2'])
  })

  it('without Web Locks, two flushes may both send, but each item settles once', async () => {
    await enqueue(report('r1'))
    const outcomes = await Promise.all([flush(clock), flush(clock)])
    expect(reportsSent()).toHaveLength(2)
    expect(api.reports.size).toBe(1)
    expect(outcomes.map((o) => o.sent).sort()).toEqual([0, 1])
    expect(sentIds).toEqual(['r1'])
  })

  it('keeps the retry schedule across a reload (a new module instance on the same database)', async () => {
    await enqueue(report('r1'))
    api.scriptNext(/reports/, 'offline')
    await flush(clock)

    vi.resetModules()
    db.close()
    const reloaded = {
      flush: await import('./flush'),
      outbox: await import('./outbox'),
    }
    expect(await reloaded.outbox.listOutbox()).toMatchObject([
      { id: 'r1', attempts: 1, nextAttemptAt: NOW + 500 },
    ])
    expect(await reloaded.flush.flush({ ...clock, now: () => NOW + 499 })).toMatchObject({
      sent: 0,
    })
    expect(reportsSent()).toHaveLength(0)
    expect(await reloaded.flush.flush({ ...clock, now: () => NOW + 500 })).toMatchObject({
      sent: 1,
    })
    expect(reportsSent()).toHaveLength(1)
    ;(await import('@/lib/db')).db.close()
    await db.open()
  })
})
