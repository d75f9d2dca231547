import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it, vi } from 'vitest'
import { databases, useStore } from '../test/databases.js'
import { sqlitePath } from './database.js'
import type { DbHandle } from './database.js'
import { isUniqueViolation } from './unique-violation.js'

const AT = '2026-02-13T01:00:00.000Z'

const insertLimit = (store: DbHandle, key: string, count = 1) =>
  store.write(async (trx) => {
    await trx
      .insertInto('rate_limits')
      .values({ key, count, window_started_at: AT, blocked_until: null })
      .execute()
    return key
  })

const storedKeys = async (store: DbHandle, prefix: string) => {
  const rows = await store.db
    .selectFrom('rate_limits')
    .select('key')
    .where('key', 'like', `${prefix}%`)
    .orderBy('key')
    .execute()
  return rows.map((row) => row.key)
}

describe.each(databases)('write transactions on $name', (database) => {
  const store = useStore(database)

  it('keep every write of a burst, and roll back a refused write alone', async () => {
    const refusal = new Error('refused by the workflow')
    const outcomes = await Promise.allSettled([
      insertLimit(store(), 'burst:1'),
      store().write(async (trx) => {
        await trx
          .insertInto('rate_limits')
          .values({ key: 'burst:2', count: 1, window_started_at: AT, blocked_until: null })
          .execute()
        throw refusal
      }),
      insertLimit(store(), 'burst:3'),
    ])
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
    ])
    expect(outcomes[1]).toMatchObject({ reason: refusal })
    expect(await storedKeys(store(), 'burst:')).toEqual(['burst:1', 'burst:3'])
  })

  it('let one of two concurrent writes of the same key win; the loser sees a unique violation', async () => {
    const outcomes = await Promise.allSettled([
      insertLimit(store(), 'race:1', 1),
      insertLimit(store(), 'race:1', 2),
    ])
    const rejected = outcomes.filter((outcome) => outcome.status === 'rejected')
    expect(rejected).toHaveLength(1)
    expect(isUniqueViolation((rejected[0] as PromiseRejectedResult).reason)).toBe(true)
    expect(await storedKeys(store(), 'race:')).toEqual(['race:1'])
  })
})

describe('group commit on sqlite', () => {
  const store = useStore(databases[0] as (typeof databases)[number])

  it('commits concurrent writes together, in one transaction', async () => {
    const transaction = vi.spyOn(store().db, 'transaction')
    try {
      const keys = Array.from({ length: 20 }, (_, i) => `group:${String(i).padStart(2, '0')}`)
      expect(await Promise.all(keys.map((key) => insertLimit(store(), key)))).toEqual(keys)
      expect(transaction).toHaveBeenCalledTimes(1)
      expect(await storedKeys(store(), 'group:')).toEqual(keys)
    } finally {
      transaction.mockRestore()
    }
  })

  it('settles a write only once it is committed: another connection already sees it', async () => {
    const other = new BetterSqlite3(sqlitePath(store().config.dataDir), { readonly: true })
    try {
      const seenByOther = (key: string) =>
        other.prepare('select count(*) as n from rate_limits where key = ?').get(key)
      const seen = await Promise.all(
        ['durable:1', 'durable:2'].map((key) =>
          insertLimit(store(), key).then((stored) => seenByOther(stored)),
        ),
      )
      expect(seen).toEqual([{ n: 1 }, { n: 1 }])
    } finally {
      other.close()
    }
  })
})
