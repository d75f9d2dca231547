import { describe, expect, it } from 'vitest'
import { databases, useStore } from '../test/databases.js'

const AT = '2026-02-13T01:00:00.000Z'

describe('the sqlite reader', () => {
  const store = useStore(databases[0] as (typeof databases)[number])

  it('reads committed data while a write transaction is open, without waiting for it', async () => {
    let release: () => void = () => undefined
    const held = new Promise<void>((resolve) => (release = resolve))
    const writing = store().write(async (trx) => {
      await trx
        .insertInto('rate_limits')
        .values({ key: 'held:1', count: 1, window_started_at: AT, blocked_until: null })
        .execute()
      await held
    })
    // Let the batch start and insert, then read while its transaction is still open.
    await new Promise((resolve) => setTimeout(resolve, 50))
    const during = await store()
      .read.selectFrom('rate_limits')
      .select('key')
      .where('key', '=', 'held:1')
      .execute()
    expect(during).toEqual([])
    release()
    await writing
    const after = await store()
      .read.selectFrom('rate_limits')
      .select('key')
      .where('key', '=', 'held:1')
      .execute()
    expect(after).toEqual([{ key: 'held:1' }])
  })

  it('refuses to write', async () => {
    await expect(
      store()
        .read.insertInto('rate_limits')
        .values({ key: 'reader:1', count: 1, window_started_at: AT, blocked_until: null })
        .execute(),
    ).rejects.toMatchObject({ code: 'SQLITE_READONLY' })
  })
})
