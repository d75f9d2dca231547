import { describe, expect, it } from 'vitest'
import { databases, useStore } from '../test/databases.js'
import { nextCounter } from './counters.js'

describe.each(databases)('counters on $name', (database) => {
  const store = useStore(database)

  it('start at 1 and advance by one per call, separately per name', async () => {
    const { db } = store()
    expect(await nextCounter(db, 'ticket:260213')).toBe(1)
    expect(await nextCounter(db, 'ticket:260213')).toBe(2)
    expect(await nextCounter(db, 'ticket:260214')).toBe(1)
  })

  it('never hand out the same value to concurrent callers', async () => {
    const { db } = store()
    const values = await Promise.all(Array.from({ length: 20 }, () => nextCounter(db, 'burst')))
    expect([...values].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
  })
})
