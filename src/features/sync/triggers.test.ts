import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '@/lib/db'
import { FLUSH_MESSAGE } from '@/lib/sw'
import { createFakeApi, type FakeApi } from './fake-api'
import { enqueue, listOutbox } from './outbox'
import { requestFlush, startOutboxSync } from './triggers'

const report = (id: string) => ({
  id,
  method: 'POST' as const,
  path: '/reports',
  body: { kind: 'json' as const, value: { id, title: 't' } },
})

let api: FakeApi
let stop: (() => void) | undefined
let isOnline: boolean
const reportsSent = () => api.requests.filter((r) => r.path === '/api/reports').length

function setOnline(online: boolean) {
  isOnline = online
  window.dispatchEvent(new Event(online ? 'online' : 'offline'))
}

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()))
  api = createFakeApi()
  vi.stubGlobal('fetch', api.fetch)
  isOnline = true
  vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => isOnline)
})
afterEach(async () => {
  stop?.()
  stop = undefined
  await requestFlush()
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

describe('outbox triggers', () => {
  it('flushes what an earlier visit left, as soon as the app starts', async () => {
    await enqueue(report('r1'))
    const onSettled = vi.fn()
    stop = startOutboxSync({ onSettled })
    await vi.waitFor(() => expect(api.reports.has('r1')).toBe(true))
    await vi.waitFor(() =>
      expect(onSettled).toHaveBeenCalledWith(expect.objectContaining({ sent: 1 })),
    )
  })

  it('sends right after an enqueue commits when online', async () => {
    stop = startOutboxSync()
    await requestFlush()
    await db.transaction('rw', db.outbox, () => enqueue(report('r1')))
    await vi.waitFor(() => expect(reportsSent()).toBe(1))
    await vi.waitFor(async () => expect(await listOutbox()).toEqual([]))
  })

  it('keeps still while offline (no attempt is burnt) and sends at once on `online`', async () => {
    setOnline(false)
    stop = startOutboxSync()
    await enqueue(report('r1'))
    await new Promise((resolve) => setTimeout(resolve, 20))
    await requestFlush()
    expect(api.requests).toHaveLength(0)
    expect(await listOutbox()).toMatchObject([{ id: 'r1', attempts: 0 }])

    setOnline(true)
    await vi.waitFor(() => expect(api.reports.has('r1')).toBe(true))
  })

  it('on `online`, an item in backoff is due again at once', async () => {
    stop = startOutboxSync()
    await requestFlush()
    api.scriptNext(/reports/, 'offline')
    await enqueue(report('r1'))
    await vi.waitFor(async () => expect(await db.outbox.get('r1')).toMatchObject({ attempts: 1 }))
    await db.outbox.update('r1', { nextAttemptAt: Date.now() + 3_600_000 })
    setOnline(true)
    await vi.waitFor(() => expect(api.reports.has('r1')).toBe(true))
  })

  const addLeftover = (id: string) =>
    db.outbox.add({
      ...report(id),
      after: null,
      draftId: null,
      createdAt: 1,
      attempts: 0,
      nextAttemptAt: 0,
      lastError: null,
    })

  it('flushes when the page becomes visible, not when it is hidden', async () => {
    let visibility: DocumentVisibilityState = 'hidden'
    vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility)
    stop = startOutboxSync()
    await requestFlush()
    await addLeftover('r1')
    document.dispatchEvent(new Event('visibilitychange'))
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(api.requests).toHaveLength(0)
    visibility = 'visible'
    document.dispatchEvent(new Event('visibilitychange'))
    await vi.waitFor(() => expect(api.reports.has('r1')).toBe(true))
  })

  it('flushes when the service worker relays a Background Sync', async () => {
    const worker = new EventTarget()
    Object.defineProperty(navigator, 'serviceWorker', { value: worker, configurable: true })
    try {
      stop = startOutboxSync()
      await requestFlush()
      await addLeftover('r1')
      worker.dispatchEvent(new MessageEvent('message', { data: 'something else' }))
      await new Promise((resolve) => setTimeout(resolve, 20))
      expect(api.requests).toHaveLength(0)
      worker.dispatchEvent(new MessageEvent('message', { data: FLUSH_MESSAGE }))
      await vi.waitFor(() => expect(api.reports.has('r1')).toBe(true))
    } finally {
      Reflect.deleteProperty(navigator, 'serviceWorker')
    }
  })

  it('tries again by itself when the backoff ends', async () => {
    stop = startOutboxSync()
    await requestFlush()
    vi.spyOn(Math, 'random').mockReturnValue(0.05) // first backoff: 50 ms
    api.scriptNext(/reports/, { status: 503 })
    await enqueue(report('r1'))
    await vi.waitFor(() => expect(reportsSent()).toBe(1))
    expect(api.reports.has('r1')).toBe(false)
    await vi.waitFor(() => expect(api.reports.has('r1')).toBe(true), { timeout: 2_000 })
    expect(reportsSent()).toBe(2)
  })
})
