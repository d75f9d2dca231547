/**
 * Group commit for the embedded SQLite store. With `synchronous=FULL` every COMMIT waits for an
 * fsync of the WAL, and better-sqlite3 waits on the event loop: one commit per report made the
 * fsync most of a report's cost (docs/BENCHMARKS.md). Writes that arrive while a batch runs join
 * the next one: one transaction, each write inside its own savepoint so a refused write rolls back
 * alone, one fsync for all. A write settles only after its batch's COMMIT, so no caller hears of
 * a write that is not yet durable, and a caller that lost a race (a unique key) finds the winner.
 * As with any transaction on the single connection, the work must use only the `trx` it is given.
 */
import type { Kysely, Transaction } from 'kysely'
import { sql } from 'kysely'

export type WriteTransaction<DB> = <T>(work: (trx: Transaction<DB>) => Promise<T>) => Promise<T>

type Outcome = { ok: true; value: unknown } | { ok: false; error: Error }

const asError = (thrown: unknown) =>
  thrown instanceof Error ? thrown : new Error(String(thrown), { cause: thrown })

type Job<DB> = {
  work: (trx: Transaction<DB>) => Promise<unknown>
  settle: (outcome: Outcome) => void
}

/** Enough to amortise the fsync; small enough that one batch never holds the store for long. */
const MAX_BATCH = 64

async function runJob<DB>(trx: Transaction<DB>, job: Job<DB>): Promise<Outcome> {
  await sql`savepoint group_write`.execute(trx)
  try {
    const value = await job.work(trx)
    await sql`release savepoint group_write`.execute(trx)
    return { ok: true, value }
  } catch (error) {
    await sql`rollback to savepoint group_write`.execute(trx)
    await sql`release savepoint group_write`.execute(trx)
    return { ok: false, error: asError(error) }
  }
}

export function groupCommit<DB>(db: Kysely<DB>): WriteTransaction<DB> {
  const queue: Job<DB>[] = []
  let running = false

  async function runBatch(jobs: Job<DB>[]): Promise<void> {
    const outcomes: Outcome[] = []
    try {
      await db.transaction().execute(async (trx) => {
        for (const job of jobs) outcomes.push(await runJob(trx, job))
      })
    } catch (error) {
      // The COMMIT (or a savepoint) failed: nothing of this batch is stored.
      for (const job of jobs) job.settle({ ok: false, error: asError(error) })
      return
    }
    jobs.forEach((job, index) => job.settle(outcomes[index] as Outcome))
  }

  function drain(): void {
    if (running || queue.length === 0) return
    running = true
    void runBatch(queue.splice(0, MAX_BATCH)).finally(() => {
      running = false
      // Next turn, after the requests that came in during this batch have reached the queue.
      if (queue.length > 0) setImmediate(drain)
    })
  }

  return <T>(work: (trx: Transaction<DB>) => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      queue.push({
        work,
        settle: (outcome) => (outcome.ok ? resolve(outcome.value as T) : reject(outcome.error)),
      })
      if (!running) setImmediate(drain)
    })
}

/** One transaction per write: PostgreSQL commits concurrent transactions on its own. */
export function plainTransactions<DB>(db: Kysely<DB>): WriteTransaction<DB> {
  return (work) => db.transaction().execute(work)
}
