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
  return new pg.Pool({ connectionString, max: POOL_SIZE, types: { getTypeParser } })
}
