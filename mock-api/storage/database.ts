/**
 * The store: one Kysely schema over SQLite (default) or PostgreSQL (`DATABASE_URL=postgres://…`).
 * Portable column rules, the same on both dialects:
 * - ids are text: generated ones are UUIDs (tickets keep the client's), seeded reference data
 *   (units, demo service points) uses stable slugs. Only ticket_events has a numeric, monotonic id.
 * - instants are ISO-8601 UTC text from `Date#toISOString()` (`2026-02-13T01:02:03.004Z`): fixed
 *   width, so text order is time order. China calendar dates are `YYYY-MM-DD` text.
 * - booleans are integers 0/1 (better-sqlite3 cannot bind `true`); JSON is text.
 * - ticket_history is append-only: no code path updates or deletes it, and a trigger refuses it.
 */
import { join } from 'node:path'
import type { Insertable, Selectable } from 'kysely'
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely'
import type { ChangeFeed } from './change-feed.js'
import { openChangeFeed } from './change-feed.js'
import type { WriteTransaction } from './group-commit.js'
import { groupCommit, plainTransactions } from './group-commit.js'
import { LocalWritesPlugin, openPostgres } from './postgres.js'
import type { SqliteReader } from './sqlite.js'
import { openSqlite, openSqliteReader } from './sqlite.js'
import type { NotificationTables } from './tables-notifications.js'
import type { OwnerTables } from './tables-owners.js'
import type { PlaceTables } from './tables-places.js'
import type { StaffTables } from './tables-staff.js'
import type { TicketTables } from './tables-tickets.js'

export type { Insertable, Selectable }

export type { Defaulted, Flag, Generated, Instant } from './columns.js'

export type Database = PlaceTables & OwnerTables & TicketTables & StaffTables & NotificationTables

export type Dialect = 'sqlite' | 'postgres'

export type DbConfig = {
  /** `postgres://…` selects PostgreSQL; null selects the SQLite file in `dataDir`. */
  databaseUrl: string | null
  dataDir: string
  /** PostgreSQL pool size (PG_POOL_SIZE); 10 when absent. */
  poolSize?: number
}

export type DbHandle = {
  db: Kysely<Database>
  /**
   * For reads that need only committed data: on SQLite a second, read-only connection that does
   * not wait for the writer's transactions; on PostgreSQL the same pool as `db`.
   */
  read: Kysely<Database>
  dialect: Dialect
  /**
   * A number that changes whenever anyone commits to the store, or null while there is none
   * (PostgreSQL with its change feed not listening). What read caches check (read-cache.ts).
   */
  dataVersion: () => number | null
  /** PostgreSQL's commit notifications (change-feed.ts); null on SQLite. */
  changes: ChangeFeed | null
  /** A write transaction; on SQLite concurrent ones share a commit (see group-commit.ts). */
  write: WriteTransaction<Database>
  /** Closes the store; SQLite first checkpoints its WAL into the main file. */
  close(): Promise<void>
}

export const SQLITE_FILE = 'guishang.sqlite'

export const sqlitePath = (dataDir: string): string => join(dataDir, SQLITE_FILE)

export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//.test(url)

export function createDb(config: DbConfig): DbHandle {
  const url = config.databaseUrl
  if (url !== null && !isPostgresUrl(url)) {
    throw new Error('DATABASE_URL must start with postgres:// (leave it unset for SQLite)')
  }
  const dialect: Dialect = url === null ? 'sqlite' : 'postgres'
  if (url !== null) {
    const changes = openChangeFeed(url)
    // Writes through this process move the version at once; other processes' arrive by NOTIFY.
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: openPostgres(url, config.poolSize) }),
      plugins: [new LocalWritesPlugin(() => changes.noteLocalCommit())],
    })
    const transactions = plainTransactions(db)
    return {
      db,
      read: db,
      dialect,
      dataVersion: () => changes.version(),
      changes,
      write: async (work) => {
        const value = await transactions(work)
        changes.noteLocalCommit()
        return value
      },
      close: async () => {
        await changes.close()
        await db.destroy()
      },
    }
  }
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: openSqlite(sqlitePath(config.dataDir)) }),
  })
  const file = sqlitePath(config.dataDir)
  // Opened when first used (after migrations), by a query or by a version check.
  let reader: SqliteReader | undefined
  const openReader = () => (reader ??= openSqliteReader(file))
  const read = new Kysely<Database>({
    dialect: new SqliteDialect({ database: () => Promise.resolve(openReader()) }),
  })
  const close = async () => {
    // The reader first: the writer's last checkpoint truncates the WAL only with no reader left.
    await read.destroy()
    await db.destroy()
  }
  const dataVersion = () => openReader().dataVersion()
  return { db, read, dialect, dataVersion, changes: null, write: groupCommit(db), close }
}
