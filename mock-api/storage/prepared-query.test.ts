// A query compiled once runs with each call's values, keeps its own constants, runs on whichever
// connection it is given (a transaction too), and on PostgreSQL still tells the read caches of
// this process's writes (LocalWritesPlugin sees the compiled query's results).
import { describe, expect, it } from 'vitest'
import type { Kysely } from 'kysely'
import { databases, useStore } from '../test/databases.js'
import type { Database } from './database.js'
import { prepareQuery } from './prepared-query.js'

type Db = Kysely<Database>

const bump = prepareQuery(['name', 'start'], (db: Db, v: { name: string; start: number }) =>
  db
    .insertInto('counters')
    .values({ name: v.name, value: v.start })
    .onConflict((oc) =>
      oc.column('name').doUpdateSet((eb) => ({ value: eb('counters.value', '+', 10) })),
    )
    .returning('value'),
)

const valueOf = prepareQuery(['name'], (db: Db, v: { name: string }) =>
  db.selectFrom('counters').select('value').where('name', '=', v.name),
)

describe.each(databases)('prepared queries on $name', (database) => {
  const store = useStore(database)

  it("runs with each call's values and keeps the query's constants", async () => {
    const { db } = store()
    expect(await bump(db, { name: 'a', start: 3 })).toEqual([{ value: 3 }])
    expect(await bump(db, { name: 'b', start: 7 })).toEqual([{ value: 7 }])
    expect(await bump(db, { name: 'a', start: 3 })).toEqual([{ value: 13 }])
    expect(await valueOf(db, { name: 'b' })).toEqual([{ value: 7 }])
    expect(await valueOf(db, { name: 'none' })).toEqual([])
  })

  it('runs inside a transaction, and rolls back with it', async () => {
    const { db } = store()
    await db.transaction().execute(async (trx) => {
      expect(await bump(trx, { name: 'in-trx', start: 1 })).toEqual([{ value: 1 }])
    })
    await db
      .transaction()
      .execute(async (trx) => {
        await bump(trx, { name: 'in-trx', start: 1 })
        throw new Error('undo')
      })
      .catch(() => undefined)
    expect(await valueOf(store().read, { name: 'in-trx' })).toEqual([{ value: 1 }])
  })

  // Counters have no NOTIFY trigger: on PostgreSQL only the local note can move the version.
  it('moves the store version on a write, as a built query does', async () => {
    const { db, dataVersion, changes } = store()
    changes?.subscribe(() => undefined)
    await changes?.ready()
    await valueOf(db, { name: 'a' })
    const before = dataVersion()
    expect(before).not.toBeNull()
    await bump(db, { name: 'moves', start: 1 })
    expect(dataVersion()).not.toBe(before)
  })
})
