import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '@/lib/db'
import {
  enqueue,
  isDraftWaiting,
  listOutbox,
  onOutboxSettled,
  onOutboxWake,
  retryNow,
  settleSentBatch,
  type OutboxItem,
} from './outbox'

const json = (value: unknown) => ({ kind: 'json' as const, value })

describe('the outbox', () => {
  beforeEach(async () => {
    await Promise.all(db.tables.map((table) => table.clear()))
  })
  afterEach(() => vi.useRealTimers())

  it('keeps an item with its id as the idempotency key, due at once', async () => {
    const id = await enqueue({ id: 'r1', method: 'POST', path: '/reports', body: json({ a: 1 }) })
    expect(id).toBe('r1')
    expect(await listOutbox()).toMatchObject([
      { id: 'r1', method: 'POST', path: '/reports', attempts: 0, nextAttemptAt: 0, after: null },
    ])
    const generated = await enqueue({ method: 'PUT', path: '/x', body: json(null) })
    expect(generated).toMatch(/^[0-9a-f-]{36}$/)
  })

  it("rolls back with the caller's transaction, and wakes the flush only after a commit", async () => {
    const wakes = vi.fn()
    const stop = onOutboxWake(wakes)
    await expect(
      db.transaction('rw', db.drafts, db.outbox, async () => {
        await db.drafts.update('none', { state: 'queued' })
        await enqueue({ id: 'r1', method: 'POST', path: '/reports', body: json({}) })
        throw new Error('the draft was not valid after all')
      }),
    ).rejects.toThrow('not valid')
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(await listOutbox()).toEqual([])
    expect(wakes).not.toHaveBeenCalled()

    await db.transaction('rw', db.outbox, async () => {
      await enqueue({ id: 'r2', method: 'POST', path: '/reports', body: json({}) })
      await enqueue({ id: 'p1', method: 'POST', path: '/t', body: json({}), after: 'r2' })
      expect(wakes).not.toHaveBeenCalled()
    })
    await vi.waitFor(() => expect(wakes).toHaveBeenCalled())
    expect((await listOutbox()).map((item) => item.id)).toEqual(['r2', 'p1'])
    stop()
  })

  it('refuses the same id twice, so a double tap cannot queue a report twice', async () => {
    await enqueue({ id: 'r1', method: 'POST', path: '/reports', body: json({}) })
    await expect(
      enqueue({ id: 'r1', method: 'POST', path: '/reports', body: json({}) }),
    ).rejects.toThrow()
    expect(await listOutbox()).toHaveLength(1)
  })

  it('lists oldest first, then by id', async () => {
    await db.outbox.bulkAdd(
      [
        { id: 'c', createdAt: 2 },
        { id: 'b', createdAt: 1 },
        { id: 'a', createdAt: 2 },
      ].map((row) => ({
        ...row,
        method: 'POST' as const,
        path: '/x',
        body: json(null),
        after: null,
        draftId: null,
        attempts: 0,
        nextAttemptAt: 0,
        lastError: null,
      })),
    )
    expect((await listOutbox()).map((item) => item.id)).toEqual(['b', 'a', 'c'])
  })

  it('"retry now" makes every item due and wakes the flush', async () => {
    const wakes = vi.fn()
    const stop = onOutboxWake(wakes)
    await enqueue({ id: 'r1', method: 'POST', path: '/reports', body: json({}) })
    await db.outbox.update('r1', { nextAttemptAt: Date.now() + 60_000, attempts: 3 })
    await retryNow()
    expect(await listOutbox()).toMatchObject([{ id: 'r1', nextAttemptAt: 0, attempts: 3 }])
    expect(wakes).toHaveBeenCalled()
    stop()
  })

  it("settles answers together once each, and one draft's in order, each leaving before the next", async () => {
    await enqueue({ id: 'r1', method: 'POST', path: '/reports', body: json({}), draftId: 'd1' })
    await enqueue({ id: 'p1', method: 'POST', path: '/x', body: json({}), draftId: 'd1' })
    await enqueue({ id: 'r2', method: 'POST', path: '/reports', body: json({}), draftId: 'd2' })
    await enqueue({ id: 'gone', method: 'POST', path: '/reports', body: json({}) })
    const [r1, p1, r2, gone] = await listOutbox()
    await db.outbox.delete('gone') // another tab settled it first
    const seen: string[] = []
    const stop = onOutboxSettled({
      async sent(item: OutboxItem) {
        const others = item.draftId !== null && (await isDraftWaiting(item.draftId, item.id))
        seen.push(`${item.id}${others ? ' (draft still waits)' : ''}`)
      },
    })
    const answers = [r1, p1, r2, gone].map((item) => ({
      item: item as OutboxItem,
      responseBody: {},
    }))
    expect(await settleSentBatch(answers)).toEqual([true, true, true, false])
    stop()
    // What was already gone ran no handler; the draft's last item sees nothing of it waiting.
    expect(seen.sort()).toEqual(['p1', 'r1 (draft still waits)', 'r2'])
    expect(await listOutbox()).toEqual([])
  })

  it('asks for persistent storage when something is first queued', async () => {
    vi.resetModules()
    const persist = vi.fn(() => Promise.resolve(true))
    const storage = { persisted: () => Promise.resolve(false), persist }
    Object.defineProperty(navigator, 'storage', { value: storage, configurable: true })
    const fresh = await import('./outbox')
    expect(persist).not.toHaveBeenCalled()
    await fresh.enqueue({ method: 'POST', path: '/reports', body: json({}) })
    await vi.waitFor(() => expect(persist).toHaveBeenCalledTimes(1))
    Reflect.deleteProperty(navigator, 'storage')
    ;(await import('@/lib/db')).db.close()
  })
})
