// The pg Pool behind Kysely's PostgresDialect. int8 (bigint, count(*)) is parsed to a number, as
// SQLite gives it, so repositories read the same types on both dialects.
import pg from 'pg'
import type { CustomTypesConfig } from 'pg'

const POOL_SIZE = 10

const getTypeParser: CustomTypesConfig['getTypeParser'] = (oid, format) =>
  oid === pg.types.builtins.INT8
    ? (value: string) => Number(value)
    : (pg.types.getTypeParser(oid, format) as unknown)

export function openPostgres(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: POOL_SIZE, types: { getTypeParser } })
  // An idle connection the server ends (a restart, a failover, an administrator) is an 'error'
  // on the pool, which without a listener would crash the process. The pool has already dropped
  // that connection; the next query opens a new one, and a query that was running fails alone.
  pool.on('error', () => undefined)
  return pool
}
