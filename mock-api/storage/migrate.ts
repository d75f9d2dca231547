// Applies the schema's migrations in name order. The provider is in code (no folder scan), so it
// works the same compiled, under tsx and under Vitest. Migrations are forward-only: never edit one
// that has shipped; add the next name.
import type { Kysely, Migration, MigrationResult } from 'kysely'
import { Migrator } from 'kysely'
import type { Database } from './database.js'
import * as attachmentSources from './migrations/attachment-sources.js'
import * as dispatchClock from './migrations/dispatch-clock.js'
import * as overdueFlags from './migrations/overdue-flags.js'
import * as owners from './migrations/owners.js'
import * as referenceData from './migrations/reference-data.js'
import * as responsibilityEntries from './migrations/responsibility-entries.js'
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
  '0009_dispatch_clock': dispatchClock,
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
