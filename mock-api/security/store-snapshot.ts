// Everything a refused request could have written, to show that it wrote nothing: the row count
// of every table a request can add to, each ticket's version (any update raises it), and the
// files under DATA_DIR. Rate-limit counters are left out: counting refusals is their job.
import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { Database } from '../storage/database.js'
import { storedFiles } from '../test/attachment-fixtures.js'
import type { TestStore } from '../test/databases.js'

export const WATCHED_TABLES = [
  'tickets',
  'ticket_history',
  'ticket_events',
  'ticket_units',
  'ratings',
  'attachments',
  'idempotency_records',
  'businesses',
  'owners',
  'owner_phones',
  'devices',
  'link_codes',
  'service_points',
  'staff_sessions',
  'audit_log',
] as const satisfies readonly (keyof Database)[]

export type WatchedTable = (typeof WATCHED_TABLES)[number]

export async function countRows(db: Kysely<Database>, table: WatchedTable): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(
    table,
  )}`.execute(db)
  return Number(rows[0]?.n ?? 0)
}

// One round trip for every count: a snapshot is taken around each of hundreds of requests.
const COUNTS = sql.join(
  WATCHED_TABLES.map(
    (table) => sql`(select count(*) from ${sql.table(table)}) as ${sql.ref(table)}`,
  ),
)

async function countAll(db: Kysely<Database>): Promise<Record<WatchedTable, number>> {
  const { rows } = await sql<Record<WatchedTable, number | string>>`select ${COUNTS}`.execute(db)
  const row = rows[0]
  if (!row) throw new Error('no counts')
  return Object.fromEntries(WATCHED_TABLES.map((table) => [table, Number(row[table])])) as Record<
    WatchedTable,
    number
  >
}

export type StoreSnapshot = {
  rows: Record<WatchedTable, number>
  ticketVersions: string[]
  retiredPoints: string[]
  files: string[]
}

export async function snapshot(store: TestStore): Promise<StoreSnapshot> {
  const rows = await countAll(store.db)
  const tickets = await store.db
    .selectFrom('tickets')
    .select(['id', 'version', 'status'])
    .orderBy('id')
    .execute()
  const retired = await store.db
    .selectFrom('service_points')
    .select('id')
    .where('retired_at', 'is not', null)
    .orderBy('id')
    .execute()
  return {
    rows,
    ticketVersions: tickets.map((row) => `${row.id}:${row.version}:${row.status}`),
    retiredPoints: retired.map((row) => row.id),
    files: storedFiles(store),
  }
}
