/**
 * Queries a report runs on every request, built and compiled by Kysely once per store and then run
 * with each call's values. Building and compiling cost a report more than SQLite took to run its
 * statements (an upsert with `on conflict … do update` about 70 µs, the ticket's insert of 30
 * columns about 60 µs, against 10–70 µs of SQLite each).
 *
 * `build` is given a stand-in for each named value; the compiled query's parameters hold the
 * stand-ins where the values go, and each run puts the call's values in their places. So the
 * query's shape must not depend on the values (no `in` lists, no columns left out when a value is
 * missing). Compiled once per dialect adapter and plugin list: a store's transactions share them.
 */
import type { Compilable, CompiledQuery, Kysely, KyselyPlugin } from 'kysely'

class StandIn {
  constructor(readonly key: string) {}
}

type Compiled = {
  plugins: readonly KyselyPlugin[]
  query: CompiledQuery
  /** For each parameter, the value's name, or null for a constant of the query itself. */
  slots: (string | null)[]
}

const samePlugins = (a: readonly KyselyPlugin[], b: readonly KyselyPlugin[]) =>
  a.length === b.length && a.every((plugin, index) => plugin === b[index])

export type PreparedQuery<DB, V, R> = (db: Kysely<DB>, values: V) => Promise<R[]>

export function prepareQuery<DB, V extends Record<string, unknown>, R>(
  keys: readonly (keyof V & string)[],
  build: (db: Kysely<DB>, values: V) => Compilable<R>,
): PreparedQuery<DB, V, R> {
  const byAdapter = new WeakMap<object, Compiled[]>()
  const compile = (db: Kysely<DB>): Compiled => {
    const executor = db.getExecutor()
    const known = byAdapter.get(executor.adapter) ?? []
    const found = known.find((entry) => samePlugins(entry.plugins, executor.plugins))
    if (found) return found
    const standIns = Object.fromEntries(keys.map((key) => [key, new StandIn(key)])) as V
    const query = build(db, standIns).compile()
    const slots = query.parameters.map((value) => (value instanceof StandIn ? value.key : null))
    const entry = { plugins: executor.plugins, query, slots }
    byAdapter.set(executor.adapter, [...known, entry])
    return entry
  }
  return async (db, values) => {
    const { query, slots } = compile(db)
    const parameters = slots.map((key, index) =>
      key === null ? query.parameters[index] : values[key],
    )
    const result = await db.executeQuery<R>({ ...query, parameters })
    return result.rows
  }
}
