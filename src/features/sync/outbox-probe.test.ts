import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DB_NAME, db } from '@/lib/db'
import { hasOutboxWork } from './outbox-probe'
import { enqueue } from './outbox'

const deleteDatabase = () =>
  new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(DB_NAME)
    request.onsuccess = () => resolve()
    request.onerror = () => reject(request.error ?? new Error('delete failed'))
  })

describe('hasOutboxWork (without Dexie)', () => {
  beforeEach(async () => {
    await db.open()
    await Promise.all(db.tables.map((table) => table.clear()))
  })
  afterEach(() => vi.restoreAllMocks())

  it('is false on a first visit, and leaves no empty database behind for Dexie to trip on', async () => {
    db.close()
    await deleteDatabase()
    expect(await hasOutboxWork()).toBe(false)
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(DB_NAME)
    await db.open()
    expect(db.tables.map((table) => table.name)).toContain('outbox')
  })

  it('is false when nothing waits, true once an item is queued', async () => {
    expect(await hasOutboxWork()).toBe(false)
    await enqueue({ method: 'POST', path: '/reports', body: { kind: 'json', value: {} } })
    expect(await hasOutboxWork()).toBe(true)
  })

  it('is true while a refusal is unread', async () => {
    await db.settings.put({ key: 'outboxRefusals', value: [{ itemId: 'r1' }] })
    expect(await hasOutboxWork()).toBe(true)
    await db.settings.put({ key: 'outboxRefusals', value: [] })
    expect(await hasOutboxWork()).toBe(false)
  })

  it('is true when storage runs low, so the warning can show', async () => {
    const estimate = vi.fn(() => Promise.resolve({ usage: 81, quota: 100 }))
    vi.stubGlobal(
      'navigator',
      Object.assign(Object.create(navigator) as Navigator, { storage: { estimate } }),
    )
    expect(await hasOutboxWork()).toBe(true)
    vi.unstubAllGlobals()
  })
})
