import pg from 'pg'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { databases, useStore } from '../test/databases.js'

const postgres = databases.find((database) => database.name === 'postgres')
if (!postgres) throw new Error('the PostgreSQL test store is missing')

/** Ends every other connection to the store's database, as a server restart would. */
async function endOtherConnections(url: string): Promise<number> {
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  try {
    const ended = await admin.query(
      'select pg_terminate_backend(pid) from pg_stat_activity ' +
        'where datname = current_database() and pid <> pg_backend_pid()',
    )
    return ended.rowCount ?? 0
  } finally {
    await admin.end()
  }
}

describe('the PostgreSQL pool', () => {
  const store = useStore(postgres)

  it('outlives the server ending its idle connections, and the next query reconnects', async () => {
    const { db, config } = store()
    await sql`select 1`.execute(db)
    expect(await endOtherConnections(config.databaseUrl ?? '')).toBeGreaterThan(0)
    // Give the idle connection time to hear of its end (the pool's 'error' event).
    await new Promise((resolve) => setTimeout(resolve, 200))
    const { rows } = await sql<{ one: number }>`select 1 as one`.execute(db)
    expect(rows).toEqual([{ one: 1 }])
  })
})
