/**
 * The stores every storage and route test runs against: a SQLite file in a fresh temporary
 * folder, and a fresh PostgreSQL database (`guishang_test_<random>`) on TEST_DATABASE_URL or
 * postgres://postgres@127.0.0.1:5432/ (trust auth), dropped afterwards. An unreachable PostgreSQL
 * fails the tests loudly; it is never skipped.
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll } from 'vitest'
import type { DbConfig, DbHandle, Dialect } from '../storage/database.js'
import { createDb } from '../storage/database.js'
import { migrateToLatest } from '../storage/migrate.js'

export type TestStore = DbHandle & {
  config: DbConfig
  /** Closes the store and deletes it (folder or database). */
  drop(): Promise<void>
}

export type TestDatabase = { name: Dialect; create(): Promise<TestStore> }

const POSTGRES_BASE = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/'

const withDatabase = (name: string) => {
  const url = new URL(POSTGRES_BASE)
  url.pathname = `/${name}`
  return url.toString()
}

async function adminQuery(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase('postgres') })
  try {
    await client.connect()
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new Error(
      `PostgreSQL is not reachable at ${withDatabase('postgres')} (${reason}). The API tests need ` +
        'it: pg_ctlcluster --skip-systemctl-redirect 15 main start, or set TEST_DATABASE_URL.',
      { cause: error },
    )
  }
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

/** Also the data folder (attachments) of a PostgreSQL store. */
const freshFolder = () => mkdtempSync(join(tmpdir(), 'guishang-test-'))

const sqlite: TestDatabase = {
  name: 'sqlite',
  create() {
    const dataDir = freshFolder()
    const config = { databaseUrl: null, dataDir }
    const handle = createDb(config)
    const drop = async () => {
      await handle.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
    return Promise.resolve({ ...handle, config, drop })
  },
}

const postgres: TestDatabase = {
  name: 'postgres',
  async create() {
    const name = `guishang_test_${randomBytes(6).toString('hex')}`
    await adminQuery(`create database ${name}`)
    const config = { databaseUrl: withDatabase(name), dataDir: freshFolder() }
    const handle = createDb(config)
    const drop = async () => {
      await handle.close()
      await adminQuery(`drop database if exists ${name} with (force)`)
      rmSync(config.dataDir, { recursive: true, force: true })
    }
    return { ...handle, config, drop }
  },
}

export const databases: readonly TestDatabase[] = [sqlite, postgres]

/**
 * A store for the enclosing describe block, created (and migrated, unless told not to) before
 * its tests and dropped after them. Call the returned function inside a test.
 */
export function useStore(database: TestDatabase, options = { migrate: true }): () => TestStore {
  let store: TestStore | undefined
  beforeAll(async () => {
    store = await database.create()
    if (options.migrate) await migrateToLatest(store.db)
  })
  afterAll(async () => {
    await store?.drop()
  })
  return () => {
    if (!store) throw new Error('the store is made in beforeAll: call this inside a test')
    return store
  }
}
