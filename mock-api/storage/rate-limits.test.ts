import { describe, expect, it } from 'vitest'
import { databases, useStore } from '../test/databases.js'
import { FIXED_NOW } from '../test/test-app.js'
import { forgetWindowsBefore, hit, peek, reset } from './rate-limits.js'

const WINDOW_MS = 60_000
const at = (ms: number) => ({
  limit: 3,
  windowMs: WINDOW_MS,
  now: new Date(FIXED_NOW.getTime() + ms),
})

describe.each(databases)('persistent rate limits on $name', (database) => {
  const store = useStore(database)

  it('allows `limit` hits per window, then says how long to wait', async () => {
    const { db } = store()
    for (let i = 0; i < 3; i++)
      expect(await hit(db, 'a', at(i * 1000))).toEqual({ allowed: true, retryAfterMs: 0 })
    expect(await hit(db, 'a', at(10_000))).toEqual({ allowed: false, retryAfterMs: 50_000 })
    expect(await hit(db, 'b', at(10_000))).toEqual({ allowed: true, retryAfterMs: 0 })
    // A new window opens once the old one has run out.
    expect(await hit(db, 'a', at(WINDOW_MS))).toEqual({ allowed: true, retryAfterMs: 0 })
  })

  it('peeks without counting, and forgets on reset', async () => {
    const { db } = store()
    expect(await peek(db, 'c', at(0))).toEqual({ allowed: true, retryAfterMs: 0 })
    for (let i = 0; i < 3; i++) await hit(db, 'c', at(0))
    expect(await peek(db, 'c', at(1000))).toEqual({ allowed: false, retryAfterMs: 59_000 })
    expect(await peek(db, 'c', at(1000))).toEqual({ allowed: false, retryAfterMs: 59_000 })
    expect(await peek(db, 'c', at(WINDOW_MS))).toEqual({ allowed: true, retryAfterMs: 0 })
    await reset(db, 'c')
    expect(await peek(db, 'c', at(1000))).toEqual({ allowed: true, retryAfterMs: 0 })
  })

  it('lets exactly `limit` of many concurrent hits through', async () => {
    const { db } = store()
    const results = await Promise.all(Array.from({ length: 12 }, () => hit(db, 'burst', at(0))))
    expect(results.filter((r) => r.allowed)).toHaveLength(3)
  })

  it('drops windows opened before a given time', async () => {
    const { db } = store()
    await hit(db, 'old', at(-10 * WINDOW_MS))
    await hit(db, 'new', at(0))
    expect(await forgetWindowsBefore(db, FIXED_NOW)).toBeGreaterThanOrEqual(1)
    const keys = (await db.selectFrom('rate_limits').select('key').execute()).map((r) => r.key)
    expect(keys).toContain('new')
    expect(keys).not.toContain('old')
  })
})
