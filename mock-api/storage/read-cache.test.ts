// The read cache on the real stores: on SQLite a hit until anyone commits (this process's writer,
// or another process on the same file), never a value read across a commit; on PostgreSQL no
// caching at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { databases, useStore } from '../test/databases.js'
import type { DbHandle } from './database.js'
import { createDb } from './database.js'
import { createReadCache } from './read-cache.js'

const AT = '2026-02-13T01:00:00.000Z'

const insertKey = (store: Pick<DbHandle, 'db'>, key: string) =>
  store.db
    .insertInto('rate_limits')
    .values({ key, count: 1, window_started_at: AT, blocked_until: null })
    .execute()

/** A read that counts how often it really ran. */
function countedRead<V>(value: () => V) {
  const read = { calls: 0, run: () => (read.calls++, Promise.resolve(value())) }
  return read
}

describe('the read cache on sqlite', () => {
  const store = useStore(databases[0]!)
  // Another process on the same file: its own writer and reader connections.
  let other: DbHandle
  beforeAll(() => {
    other = createDb(store().config)
  })
  afterAll(() => other.close())

  it('answers from memory until this process commits', async () => {
    const cache = createReadCache<string>(store().dataVersion, 10)
    const read = countedRead(() => 'value')
    expect(await cache.load('k', read.run)).toBe('value')
    expect(await cache.load('k', read.run)).toBe('value')
    expect(read.calls).toBe(1)
    await store().write((trx) => insertKey({ db: trx }, 'cache:own'))
    await cache.load('k', read.run)
    expect(read.calls).toBe(2)
  })

  it('reads again after another process commits to the same file', async () => {
    const cache = createReadCache<string>(store().dataVersion, 10)
    const read = countedRead(() => 'value')
    await cache.load('k', read.run)
    await insertKey(other, 'cache:other')
    await cache.load('k', read.run)
    await cache.load('k', read.run)
    expect(read.calls).toBe(2)
  })

  it('does not keep a value when a commit lands while it is read', async () => {
    const cache = createReadCache<string>(store().dataVersion, 10)
    let n = 0
    const racing = async () => {
      n++
      if (n === 1) await insertKey(other, 'cache:race')
      return `read ${n}`
    }
    expect(await cache.load('k', racing)).toBe('read 1')
    expect(await cache.load('k', racing)).toBe('read 2')
    expect(await cache.load('k', racing)).toBe('read 2')
  })

  it('keeps no absent value and at most its size', async () => {
    const cache = createReadCache<string>(store().dataVersion, 2)
    const missing = countedRead((): string | undefined => undefined)
    await cache.load('nothing', missing.run)
    await cache.load('nothing', missing.run)
    expect(missing.calls).toBe(2)
    const read = countedRead(() => 'v')
    for (const key of ['a', 'b', 'c']) await cache.load(key, read.run)
    await cache.load('a', read.run) // the oldest made room for 'c'
    await cache.load('c', read.run)
    expect(read.calls).toBe(4)
  })
})

describe('the read cache on postgres', () => {
  const store = useStore(databases[1]!)

  it('reads every time: other processes commit unseen', async () => {
    expect(store().dataVersion()).toBeNull()
    const cache = createReadCache<string>(store().dataVersion, 10)
    const read = countedRead(() => 'value')
    await cache.load('k', read.run)
    await cache.load('k', read.run)
    expect(read.calls).toBe(2)
  })
})
