// Two API instances on one PostgreSQL, each with its own store handle (its own pool and its own
// change feed), as two processes would be. Their hubs poll once a minute here, so a change that
// arrives within the test's wait came by NOTIFY, and a ticket read that sees the change was not
// served from a stale cache.
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../app.js'
import type { DbHandle } from '../storage/database.js'
import { createDb } from '../storage/database.js'
import { databases, useStore } from '../test/databases.js'
import type { Device } from '../test/owner-fixtures.js'
import { newDevice, reportTicket } from '../test/owner-fixtures.js'
import { isReady, openSse } from '../test/sse-client.js'
import { seedStaff, signIn } from '../test/staff-fixtures.js'
import { testClock, testConfig } from '../test/test-app.js'

const postgres = databases.filter((database) => database.name === 'postgres')
const ONLY_NOTIFY = { heartbeatMs: 60_000, pollMs: 60_000, graceMs: 500, retryMs: 1_000 }

type Instance = { app: FastifyInstance; handle: DbHandle; base: string }

describe.each(postgres)('two instances on one $name', (database) => {
  const store = useStore(database)
  const instances: Instance[] = []
  let owner: Device
  let desk: Record<string, string>

  async function instance(): Promise<Instance> {
    const handle = createDb(store().config)
    const app = await buildApp({
      db: handle,
      clock: testClock(),
      config: testConfig({ DATA_DIR: store().config.dataDir }),
      eventStreams: ONLY_NOTIFY,
    })
    await app.listen({ port: 0, host: '127.0.0.1' })
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api`
    const made = { app, handle, base }
    instances.push(made)
    return made
  }

  beforeAll(async () => {
    await seedStaff(store())
  })
  afterAll(async () => {
    for (const { app, handle } of instances) {
      await app.close()
      await handle.close()
    }
  })

  const accept = async (via: Instance, ticketId: string) => {
    const res = await via.app.inject({
      method: 'POST',
      url: `/api/staff/tickets/${ticketId}/events`,
      cookies: desk,
      payload: { type: 'accept' },
    })
    expect(res.statusCode, res.body).toBe(200)
  }

  it("sends a change made through one instance to a stream on the other, and the other's cached ticket view follows", async () => {
    const [writer, reader] = [await instance(), await instance()]
    owner = await newDevice(writer.app)
    desk = await signIn(writer.app, 'desk.nanning')
    const mine = await reportTicket(writer.app, owner)
    await reader.handle.changes?.ready()
    const view = () => reader.app.inject({ url: `/api/tickets/${mine.id}`, headers: owner.headers })
    // Read twice: the second answer may come from the reader's cache.
    expect((await view()).json()).toMatchObject({ status: 'submitted' })
    expect((await view()).json()).toMatchObject({ status: 'submitted' })

    const stream = await openSse(`${reader.base}/events`, owner.headers)
    await stream.until(isReady)
    await accept(writer, mine.id)
    await stream.until(() => stream.changes().some((change) => change.data.type === 'accept'))
    expect((await view()).json()).toMatchObject({ status: 'accepted' })
    stream.close()
  })

  it('listens again after its connection is cut, and sends what was committed meanwhile', async () => {
    const [writer, reader] = instances
    if (!writer || !reader) throw new Error('the first test makes the instances')
    const mine = await reportTicket(writer.app, owner)
    const stream = await openSse(`${reader.base}/events`, owner.headers)
    await stream.until(isReady)
    expect(reader.handle.changes?.isListening()).toBe(true)

    // Cut every listening connection (an administrator, a failover, a network blip).
    await sql`select pg_terminate_backend(pid) from pg_stat_activity
      where datname = current_database() and query ilike 'listen %'`.execute(writer.handle.db)
    await accept(writer, mine.id)
    await stream.until(
      () => stream.changes().some((change) => change.data.ticketId === mine.id),
      10_000,
    )
    expect(await reader.handle.changes?.ready()).toBe(true)
    stream.close()
  })
})
