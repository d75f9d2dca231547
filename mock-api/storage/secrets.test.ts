import { describe, expect, it } from 'vitest'
import { databases, useStore } from '../test/databases.js'
import { loadSecrets } from './secrets.js'

const NOW = new Date('2026-02-13T02:00:00.000Z')
const FROM_ENV = { codeSecret: 'c'.repeat(32), cookieSecret: 'k'.repeat(32) }

describe.each(databases)('secrets on $name', (database) => {
  const store = useStore(database)

  it('are generated once in demo mode and kept across starts', async () => {
    const { db } = store()
    const sources = { codeSecret: null, cookieSecret: null, isProduction: false }
    const first = await loadSecrets(db, sources, NOW)
    expect(first.codeSecret).toHaveLength(43)
    expect(first.cookieSecret).not.toBe(first.codeSecret)
    expect(await loadSecrets(db, sources, NOW)).toEqual(first)
  })

  it('come from the environment when given', async () => {
    const { db } = store()
    expect(await loadSecrets(db, { ...FROM_ENV, isProduction: true }, NOW)).toEqual(FROM_ENV)
  })

  it('are never generated in production', async () => {
    const { db } = store()
    const sources = { codeSecret: null, cookieSecret: null, isProduction: true }
    await expect(loadSecrets(db, sources, NOW)).rejects.toThrow(/environment/)
  })
})
