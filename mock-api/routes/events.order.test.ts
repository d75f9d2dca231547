// PostgreSQL takes an id at insert and shows the row at commit, so a later id can be read before
// an earlier one. SQLite has one writer at a time (a held-open write would block the second
// insert), so this runs on PostgreSQL only.
import { describe, expect, it } from 'vitest'
import { databases } from '../test/databases.js'
import {
  listening,
  ownerOf,
  readyId,
  STREAM_TIMINGS,
  useEventWorld,
} from '../test/event-fixtures.js'
import { reportTicket } from '../test/owner-fixtures.js'
import { isReady, openSse } from '../test/sse-client.js'
import { FIXED_NOW } from '../test/test-app.js'

const postgres = databases.filter((database) => database.name === 'postgres')
/** Long enough that the held-open insert is waited for, not given up on. */
const PATIENT = { ...STREAM_TIMINGS, graceMs: 30_000 }

describe.each(postgres)('event order on $name', (database) => {
  const world = useEventWorld(database)

  const change = (ticketId: string, ownerId: string, type: string) => ({
    ticket_id: ticketId,
    owner_id: ownerId,
    desk_division_code: '450100',
    type,
    status: 'accepted' as const,
    at: FIXED_NOW.toISOString(),
  })

  /** Inserts a change event on a transaction left open until `commit` is called. */
  async function insertHeldOpen(row: ReturnType<typeof change>) {
    let release = () => {}
    const released = new Promise<void>((resolve) => (release = resolve))
    let committed: Promise<void> = Promise.resolve()
    const id = await new Promise<number>((resolve, reject) => {
      committed = world()
        .store.db.transaction()
        .execute(async (trx) => {
          const inserted = await trx
            .insertInto('ticket_events')
            .values(row)
            .returning('id')
            .executeTakeFirstOrThrow()
          resolve(Number(inserted.id))
          await released
        })
      committed.catch(reject)
    })
    return {
      id,
      commit: () => {
        release()
        return committed
      },
    }
  }

  it('holds a later event back until an earlier id commits, so no position skips it', async () => {
    const { app, owner } = world()
    const apps = [await listening(world(), PATIENT), await listening(world(), PATIENT)]
    const [live, fresh] = apps.map((listener) => listener.url)
    try {
      const mine = await reportTicket(app, owner)
      const ownerId = await ownerOf(world(), mine.id)
      const stream = await openSse(live ?? '', owner.headers)
      await stream.until(isReady)

      const earlier = await insertHeldOpen(change(mine.id, ownerId, 'earlier'))
      const later = await world()
        .store.db.insertInto('ticket_events')
        .values(change(mine.id, ownerId, 'later'))
        .returning('id')
        .executeTakeFirstOrThrow()
      const both = [earlier.id, Number(later.id)]
      expect(both[1]).toBeGreaterThan(earlier.id)

      // A stream opened now (its hub reads the table afresh) is given a position below the
      // event still in flight, not the committed one above it.
      const meanwhile = await openSse(fresh ?? '', owner.headers)
      await meanwhile.until(isReady)
      const position = readyId(meanwhile.blocks)
      expect(position).toBeLessThan(earlier.id)
      meanwhile.close()
      // Let the live hub read past the later event a few times while the earlier one is open.
      await new Promise((resolve) => setTimeout(resolve, 3 * PATIENT.pollMs))
      await earlier.commit()

      await stream.until(() => stream.changes().length === 2)
      expect(stream.changes().map((sent) => sent.id)).toEqual(both)
      stream.close()
      const resumed = await openSse(fresh ?? '', {
        ...owner.headers,
        'last-event-id': String(position),
      })
      await resumed.until(isReady)
      expect(resumed.changes().map((sent) => sent.id)).toEqual(both)
      resumed.close()
    } finally {
      await Promise.all(apps.map(({ second }) => second.close()))
    }
  })
})
