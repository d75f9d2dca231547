// The pg Pool behind Kysely's PostgresDialect. int8 (bigint, count(*)) is parsed to a number, as
// SQLite gives it, so repositories read the same types on both dialects.
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely'
import pg from 'pg'
import type { CustomTypesConfig } from 'pg'

/** Connections per process unless PG_POOL_SIZE says; the change feed holds one more of its own. */
export const POOL_SIZE = 10

const getTypeParser: CustomTypesConfig['getTypeParser'] = (oid, format) =>
  oid === pg.types.builtins.INT8
    ? (value: string) => Number(value)
    : (pg.types.getTypeParser(oid, format) as unknown)

export function openPostgres(connectionString: string, max: number = POOL_SIZE): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, types: { getTypeParser } })
  // An idle connection the server ends (a restart, a failover, an administrator) is an 'error'
  // on the pool, which without a listener would crash the process. The pool has already dropped
  // that connection; the next query opens a new one, and a query that was running fails alone.
  pool.on('error', () => undefined)
  return pool
}

const WRITES = new Set(['InsertQueryNode', 'UpdateQueryNode', 'DeleteQueryNode'])

/**
 * Calls `onWrite` after each insert, update or delete this process runs (in or out of a
 * transaction), so its read caches drop what they hold without waiting for its own NOTIFY.
 */
export class LocalWritesPlugin implements KyselyPlugin {
  private readonly writes = new WeakSet<object>()

  constructor(private readonly onWrite: () => void) {}

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (WRITES.has(args.node.kind)) this.writes.add(args.queryId)
    return args.node
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (this.writes.has(args.queryId)) this.onWrite()
    return Promise.resolve(args.result)
  }
}
