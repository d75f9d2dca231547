// Applies the schema's migrations in name order. The provider is in code (no folder scan), so it
// works the same compiled, under tsx and under Vitest. Migrations are forward-only: never edit one
// that has shipped; add the next name.
import type { Kysely, Migration, MigrationResult } from 'kysely'
import { Migrator, sql } from 'kysely'
import type { Database } from './database.js'
import * as attachmentSources from './migrations/attachment-sources.js'
import * as changeNotifications from './migrations/change-notifications.js'
import * as dispatchClock from './migrations/dispatch-clock.js'
import * as intake from './migrations/intake.js'
import * as overdueFlags from './migrations/overdue-flags.js'
import * as notifications from './migrations/notifications.js'
import * as owners from './migrations/owners.js'
import * as referenceData from './migrations/reference-data.js'
import { isPostgres } from './migrations/schema-helpers.js'
import * as responsibilityEntries from './migrations/responsibility-entries.js'
import * as shortCodes from './migrations/short-codes.js'
import * as staff from './migrations/staff.js'
import * as ticketRecords from './migrations/ticket-records.js'
import * as tickets from './migrations/tickets.js'

export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001_reference_data': referenceData,
  '0002_owners': owners,
  '0003_tickets': tickets,
  '0004_ticket_records': ticketRecords,
  '0005_staff': staff,
  '0006_attachment_sources': attachmentSources,
  '0007_overdue_flags': overdueFlags,
  '0008_responsibility_entries': responsibilityEntries,
  '0009_change_notifications': changeNotifications,
  '0010_notifications': notifications,
  '0011_intake': intake,
  '0012_dispatch_clock': dispatchClock,
  '0013_short_codes': shortCodes,
}

/** Brings the schema to the latest version; returns the names applied now (empty when current). */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve({ ...MIGRATIONS }) },
  })
  const { error, results } = await migrator.migrateToLatest()
  if (error) throw error instanceof Error ? error : new Error('migration failed', { cause: error })
  return (results ?? []).filter(isApplied).map((result) => result.migrationName)
}

const isApplied = (result: MigrationResult) =>
  result.direction === 'Up' && result.status === 'Success'

/** pg_advisory_lock key for start-up work (any fixed number; "guishang" in ASCII, cut to 8 bytes). */
const START_UP_LOCK = 0x6775697368616e67n

/**
 * Runs `work` (migrate, seed) while holding a PostgreSQL session advisory lock, so instances
 * starting together take turns: the first migrates, the others wait and then find nothing to
 * do. The lock lives on one pooled connection for the duration and goes away with it if the
 * process dies. (Kysely's migrator also locks, per transaction; this one covers the seed too.)
 * SQLite has one process per file and needs none.
 */
export async function withStartUpLock<T>(db: Kysely<Database>, work: () => Promise<T>): Promise<T> {
  if (!isPostgres(db as Kysely<unknown>)) return work()
  return db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${START_UP_LOCK.toString()}::bigint)`.execute(connection)
    try {
      return await work()
    } finally {
      await sql`select pg_advisory_unlock(${START_UP_LOCK.toString()}::bigint)`.execute(connection)
    }
  })
}
