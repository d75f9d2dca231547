import { describe, expect, it } from 'vitest'
import { databases } from '../test/databases.js'
import {
  eventIds,
  listening,
  ownerOf,
  readyId,
  STREAM_TIMINGS,
  staffEvent,
  useEventWorld,
} from '../test/event-fixtures.js'
import { newDevice, reportTicket } from '../test/owner-fixtures.js'
import { isReady, openSse } from '../test/sse-client.js'
import { signIn } from '../test/staff-fixtures.js'
import { FIXED_NOW } from '../test/test-app.js'

describe.each(databases)('the owner event stream on $name', (database) => {
  const world = useEventWorld(database)

  it("sends a staff change to my ticket with its id, and nothing of another owner's", async () => {
    const { app, base, owner, other } = world()
    const mine = await reportTicket(app, owner)
    const theirs = await reportTicket(app, other)
    const stream = await openSse(`${base}/events`, owner.headers)
    expect(stream.status).toBe(200)
    await stream.until(isReady)

    await staffEvent(world(), theirs.id, { type: 'accept' })
    await staffEvent(world(), mine.id, { type: 'accept' })
    await stream.until(() => stream.changes().length > 0)

    // Events go out in id order, so the other owner's earlier change would have come first.
    expect(stream.changes()).toEqual([
      {
        id: (await eventIds(world(), mine.id)).at(-1),
        data: {
          ticketId: mine.id,
          type: 'accept',
          status: 'accepted',
          at: FIXED_NOW.toISOString(),
        },
      },
    ])
    stream.close()
  })

  it('answers with the event-stream headers and the security headers', async () => {
    const { base, owner } = world()
    const stream = await openSse(`${base}/events`, {
      ...owner.headers,
      'accept-encoding': 'br, gzip',
    })
    await stream.until(isReady)
    expect(stream.headers).toMatchObject({
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-content-type-options': 'nosniff',
      'permissions-policy': expect.stringContaining('camera=(self)'),
      'content-security-policy': expect.stringContaining("frame-ancestors 'none'"),
    })
    expect(stream.headers['content-encoding']).toBeUndefined()
    expect(stream.blocks[0]).toMatchObject({ retry: String(STREAM_TIMINGS.retryMs) })
    stream.close()
  })

  it('resumes after Last-Event-ID with exactly the missed events, in order', async () => {
    const { app, base, owner, other } = world()
    const first = await reportTicket(app, owner)
    const second = await reportTicket(app, owner)
    const before = await openSse(`${base}/events`, owner.headers)
    await before.until(isReady)
    const position = readyId(before.blocks)
    expect(position).toBe((await eventIds(world(), second.id)).at(-1))
    before.close()

    const missed = await reportTicket(app, owner)
    await staffEvent(world(), first.id, { type: 'accept' })
    await staffEvent(world(), second.id, { type: 'accept' })
    await reportTicket(app, other)
    const expected = [
      ...(await eventIds(world(), missed.id)),
      ...(await eventIds(world(), first.id)).slice(-1),
      ...(await eventIds(world(), second.id)).slice(-1),
    ]

    const resumes: { url: string; headers: Record<string, string> }[] = [
      { url: `${base}/events`, headers: { 'last-event-id': String(position) } },
      { url: `${base}/events?lastEventId=${position}`, headers: {} },
      // The header wins over a stale query (EventSource reconnecting to the same URL).
      { url: `${base}/events?lastEventId=0`, headers: { 'last-event-id': String(position) } },
    ]
    for (const resume of resumes) {
      const after = await openSse(resume.url, { ...owner.headers, ...resume.headers })
      await after.until(isReady)
      expect(after.changes().map((change) => change.id)).toEqual(expected)
      expect(readyId(after.blocks)).toBe(expected.at(-1))
      after.close()
    }
  })

  it('sends a heartbeat comment while nothing changes', async () => {
    const { base, other } = world()
    const stream = await openSse(`${base}/events`, other.headers)
    await stream.until((blocks) => blocks.some((block) => block.comments.includes('ping')))
    stream.close()
  })

  it('sends what another writer stored (the system job, another process) within a poll', async () => {
    const { app, base, owner, store } = world()
    const mine = await reportTicket(app, owner)
    const stream = await openSse(`${base}/events`, owner.headers)
    await stream.until(isReady)
    await store.db
      .insertInto('ticket_events')
      .values({
        ticket_id: mine.id,
        owner_id: await ownerOf(world(), mine.id),
        desk_division_code: '450100',
        type: 'overdue',
        status: 'submitted',
        at: FIXED_NOW.toISOString(),
      })
      .execute()
    await stream.until(() => stream.changes().some((change) => change.data.type === 'overdue'))
    stream.close()
  })

  it('caps open streams per owner at five', async () => {
    const { app, base } = world()
    const device = await newDevice(app)
    const streams = await Promise.all(
      Array.from({ length: 5 }, () => openSse(`${base}/events`, device.headers)),
    )
    expect(streams.map((stream) => stream.status)).toEqual([200, 200, 200, 200, 200])
    const refused = await openSse(`${base}/events`, device.headers)
    expect(refused.status).toBe(429)
    expect(JSON.parse(refused.problem ?? '{}')).toMatchObject({ status: 429 })

    streams[0]?.close()
    await expect
      .poll(async () => {
        const again = await openSse(`${base}/events`, device.headers)
        again.close()
        return again.status
      })
      .toBe(200)
    streams.forEach((stream) => stream.close())
  })

  it("wakes on this app's own writes instead of waiting for the next poll", async () => {
    const { owner } = world()
    const { second, url } = await listening(world(), { ...STREAM_TIMINGS, pollMs: 60_000 })
    try {
      const mine = await reportTicket(second, owner)
      const stream = await openSse(url, owner.headers)
      await stream.until(isReady)
      const res = await second.inject({
        method: 'POST',
        url: `/api/staff/tickets/${mine.id}/events`,
        cookies: await signIn(second, 'desk.nanning'),
        payload: { type: 'accept' },
      })
      expect(res.statusCode).toBe(200)
      // Far below the 60 s poll: only the wake-up after the write can deliver it in time.
      await stream.until(() => stream.changes().length === 1, 5_000)
      stream.close()
    } finally {
      await second.close()
    }
  })

  it('ends open streams when the app closes, without waiting for them', async () => {
    const { owner, other } = world()
    const { second: closing, url } = await listening(world(), STREAM_TIMINGS)
    const streams = [await openSse(url, owner.headers), await openSse(url, other.headers)]
    await Promise.all(streams.map((stream) => stream.until(isReady)))

    // Fastify waits for open connections before it closes: without preClose this never resolves.
    await closing.close()
    await Promise.all(streams.map((stream) => stream.ended))
  })
})
