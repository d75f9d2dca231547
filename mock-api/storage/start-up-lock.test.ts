// Instances started together on one empty PostgreSQL database: each migrates and seeds under the
// start-up lock, so one does the work and the others find it done, with no error. Two locks hold
// this up (Kysely's migrator locks too, and the demo seed skips existing rows): the test guards
// the behaviour, whichever of them a future change removes.
import { describe, expect, it } from 'vitest'
import { databases } from '../test/databases.js'
import type { DbHandle } from './database.js'
import { createDb } from './database.js'
import { MIGRATIONS, migrateToLatest, withStartUpLock } from './migrate.js'
import { seedDemo } from './seed.js'

const postgres = databases.filter((database) => database.name === 'postgres')

describe.each(postgres)('start-up on $name', (database) => {
  it('migrates and seeds once when three instances start at the same time', async () => {
    const store = await database.create()
    const handles: DbHandle[] = [0, 1, 2].map(() => createDb(store.config))
    try {
      const now = new Date('2026-02-13T02:00:00.000Z')
      const applied = await Promise.all(
        handles.map((handle) =>
          withStartUpLock(handle.db, async () => {
            const names = await migrateToLatest(handle.db)
            await seedDemo(handle.db, { password: 'a-long-demo-password', now })
            return names
          }),
        ),
      )
      expect(applied.map((names) => names.length).sort()).toEqual([
        0,
        0,
        Object.keys(MIGRATIONS).length,
      ])
      const staff = await store.db.selectFrom('staff').select('username').execute()
      expect(new Set(staff.map((row) => row.username)).size).toBe(staff.length)
      expect(staff.length).toBeGreaterThan(0)
    } finally {
      await Promise.all(handles.map((handle) => handle.close()))
      await store.drop()
    }
  })
})
