// The world of the event-stream tests: an app listening on a real port (inject does not stream)
// with short heartbeat and waits, two owners' devices, the Nanning desk signed in, and helpers to
// act as staff and read ticket_events. Call the returned functions inside a test.
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect } from 'vitest'
import { buildApp } from '../app.js'
import type { StaffEvent } from '../contract.js'
import type { EventStreamSettings } from '../deps/app-deps.js'
import { capturingCodeSender } from '../workflow/code-sender.js'
import type { TestDatabase, TestStore } from './databases.js'
import { useStore } from './databases.js'
import type { Device } from './owner-fixtures.js'
import { newDevice } from './owner-fixtures.js'
import type { SseBlock } from './sse-client.js'
import { seedStaff, signIn } from './staff-fixtures.js'
import type { TestClock } from './test-app.js'
import { testClock, testConfig } from './test-app.js'

export const STREAM_TIMINGS = { heartbeatMs: 200, pollMs: 100, graceMs: 500, retryMs: 1_000 }

export type EventWorld = {
  store: TestStore
  app: FastifyInstance
  clock: TestClock
  /** The device-link codes the app sent. */
  sender: ReturnType<typeof capturingCodeSender>
  /** `http://127.0.0.1:<port>/api` */
  base: string
  owner: Device
  other: Device
  desk: Record<string, string>
}

export type ListeningApp = { second: FastifyInstance; url: string }

type Listener = Pick<EventWorld, 'store' | 'clock' | 'sender'>

async function listen(world: Listener, timings: object) {
  const { store, clock, sender } = world
  const config = testConfig({ DATA_DIR: store.config.dataDir })
  const app = await buildApp({
    db: store,
    clock,
    config,
    eventStreams: timings,
    codeSender: sender,
  })
  await app.listen({ port: 0, host: '127.0.0.1' })
  return { app, base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api` }
}

export function useEventWorld(database: TestDatabase): () => EventWorld {
  const store = useStore(database)
  let world: EventWorld | undefined
  beforeAll(async () => {
    await seedStaff(store())
    const clock = testClock()
    const sender = capturingCodeSender()
    const { app, base } = await listen({ store: store(), clock, sender }, STREAM_TIMINGS)
    const [owner, other] = [await newDevice(app), await newDevice(app)]
    world = {
      store: store(),
      app,
      clock,
      sender,
      base,
      owner,
      other,
      desk: await signIn(app, 'desk.nanning'),
    }
  })
  afterAll(() => world?.app.close())
  return () => {
    if (!world) throw new Error('the world is made in beforeAll: call this inside a test')
    return world
  }
}

/** A second app on the same store, listening at `url` (its /api/events); closed by the caller. */
export async function listening(
  world: EventWorld,
  timings: Partial<EventStreamSettings>,
): Promise<ListeningApp> {
  const { app, base } = await listen(world, timings)
  return { second: app, url: `${base}/events` }
}

export async function staffEvent(
  world: EventWorld,
  ticketId: string,
  event: StaffEvent,
): Promise<void> {
  const res = await world.app.inject({
    method: 'POST',
    url: `/api/staff/tickets/${ticketId}/events`,
    cookies: world.desk,
    payload: event,
  })
  expect(res.statusCode, res.body).toBe(200)
}

/** The ids of the ticket's change events, oldest first. */
export async function eventIds(world: EventWorld, ticketId: string): Promise<number[]> {
  const rows = await world.store.db
    .selectFrom('ticket_events')
    .select('id')
    .where('ticket_id', '=', ticketId)
    .orderBy('id')
    .execute()
  return rows.map((row) => Number(row.id))
}

export async function ownerOf(world: EventWorld, ticketId: string): Promise<string> {
  const row = await world.store.db
    .selectFrom('tickets')
    .select('owner_id')
    .where('id', '=', ticketId)
    .executeTakeFirstOrThrow()
  return row.owner_id
}

/** The resume position a stream was given (its `event: ready` id). */
export const readyId = (blocks: readonly SseBlock[]): number =>
  Number(blocks.find((block) => block.event === 'ready')?.id)

export const cookieHeader = (cookies: Record<string, string>): { cookie: string } => ({
  cookie: Object.entries(cookies)
    .map(([name, value]) => `${name}=${value}`)
    .join('; '),
})
