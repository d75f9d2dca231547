/**
 * better-sqlite3 behind Kysely's SqliteDialect. Kysely prepares every query again, which costs
 * about half the throughput (stack-probe §6), so statements are cached by SQL text in a bounded
 * LRU: `in (…)` lists make one entry per length. Reusing a statement is safe because the dialect
 * runs one query at a time on its single connection.
 */
import BetterSqlite3 from 'better-sqlite3'
import type { SqliteDatabase, SqliteStatement } from 'kysely'

const STATEMENT_CACHE_SIZE = 500

/**
 * The writer: the only connection that writes, so it never waits on another (a busy wait in
 * better-sqlite3 would block the event loop).
 */
export function openSqlite(file: string): SqliteDatabase {
  const sqlite = new BetterSqlite3(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  return withStatementCache(sqlite, () => {
    // Fold the WAL back into the main file so a stopped server leaves one self-contained file.
    sqlite.pragma('wal_checkpoint(TRUNCATE)')
  })
}

export type SqliteReader = SqliteDatabase & {
  /** Moves whenever another connection (this process's writer or another process) commits. */
  dataVersion(): number
}

/**
 * A read-only connection beside the writer. In WAL mode it reads the last committed state while
 * the writer holds a transaction open, so a read never queues behind a batch of writes, and can
 * never see a write that is not committed. Opened when first used (after migrations).
 */
export function openSqliteReader(file: string): SqliteReader {
  const sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
  sqlite.pragma('busy_timeout = 5000')
  const dataVersion = sqlite.prepare('PRAGMA data_version').pluck()
  return {
    ...withStatementCache(sqlite, () => undefined),
    dataVersion: () => dataVersion.get() as number,
  }
}

function withStatementCache(
  sqlite: BetterSqlite3.Database,
  beforeClose: () => void,
): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>()
  return {
    prepare(sql) {
      let statement = statements.get(sql)
      if (statement) {
        statements.delete(sql)
      } else {
        statement = sqlite.prepare(sql)
        if (statements.size >= STATEMENT_CACHE_SIZE) {
          const oldest = statements.keys().next().value
          if (oldest !== undefined) statements.delete(oldest)
        }
      }
      statements.set(sql, statement)
      return statement
    },
    close() {
      statements.clear()
      beforeClose()
      sqlite.close()
    },
  }
}
