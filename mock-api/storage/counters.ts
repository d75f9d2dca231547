// Named sequences (e.g. the day's ticket numbers). One upsert both creates and advances a counter,
// atomically on both dialects, so concurrent reports never share a number.
import type { Kysely } from 'kysely'
import type { Database } from './database.js'
import { prepareQuery } from './prepared-query.js'

const nextCounterQuery = prepareQuery(['name'], (db: Kysely<Database>, v: { name: string }) =>
  db
    .insertInto('counters')
    .values({ name: v.name, value: 1 })
    .onConflict((oc) =>
      oc.column('name').doUpdateSet((eb) => ({ value: eb('counters.value', '+', 1) })),
    )
    .returning('value'),
)

/** The counter's next value: 1 the first time a name is used. */
export async function nextCounter(db: Kysely<Database>, name: string): Promise<number> {
  const [row] = await nextCounterQuery(db, { name })
  if (!row) throw new Error(`counter ${name} returned no value`)
  return Number(row.value)
}
