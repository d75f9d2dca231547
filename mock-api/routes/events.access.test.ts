import { describe, expect, it } from 'vitest'
import { databases } from '../test/databases.js'
import type { EventWorld } from '../test/event-fixtures.js'
import { cookieHeader, eventIds, staffEvent, useEventWorld } from '../test/event-fixtures.js'
import type { Device } from '../test/owner-fixtures.js'
import { reportTicket } from '../test/owner-fixtures.js'
import { isReady, openSse } from '../test/sse-client.js'
import { signIn } from '../test/staff-fixtures.js'
import { FIXED_NOW } from '../test/test-app.js'

const PROBLEM_JSON = /^application\/problem\+json/

describe.each(databases)('who may open an event stream, on $name', (database) => {
  const world = useEventWorld(database)

  it('refuses a missing or wrong credential and a bad resume point before streaming', async () => {
    const { app, owner } = world()
    for (const headers of [
      {},
      { authorization: 'Bearer nonsense' },
      { authorization: 'Basic x' },
    ]) {
      const res = await app.inject({ method: 'GET', url: '/api/events', headers })
      expect(res.statusCode).toBe(401)
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON)
    }
    for (const [url, headers] of [
      ['/api/events?lastEventId=abc', owner.headers],
      ['/api/events', { ...owner.headers, 'last-event-id': '12; drop' }],
    ] as const) {
      const res = await app.inject({ method: 'GET', url, headers })
      expect(res.statusCode).toBe(422)
    }
  })

  it('sends a staff stream the changes to tickets in its scope only', async () => {
    const { app, base, owner, other, desk } = world()
    const nanning = await openSse(`${base}/staff/events`, cookieHeader(desk))
    const liuzhouDesk = cookieHeader(await signIn(app, 'desk.liuzhou'))
    const liuzhou = await openSse(`${base}/staff/events`, liuzhouDesk)
    await Promise.all([nanning.until(isReady), liuzhou.until(isReady)])

    const here = await reportTicket(app, owner)
    const there = await reportTicket(app, other, { divisionCode: '450202' })
    await staffEvent(world(), here.id, { type: 'accept' })
    const thereAgain = await reportTicket(app, other, { divisionCode: '450202' })

    // Events go out in id order, so the last one arriving means none before it is still coming.
    await nanning.until(() => nanning.changes().length === 2)
    await liuzhou.until(() => liuzhou.changes().length === 2)
    expect(nanning.changes().map((change) => change.data.ticketId)).toEqual([here.id, here.id])
    expect(liuzhou.changes().map((change) => change.id)).toEqual([
      ...(await eventIds(world(), there.id)),
      ...(await eventIds(world(), thereAgain.id)),
    ])
    nanning.close()
    liuzhou.close()

    const admin = await signIn(app, 'admin')
    const refused = await app.inject({ method: 'GET', url: '/api/staff/events', cookies: admin })
    expect(refused.statusCode).toBe(403)
    expect(refused.headers['content-type']).toMatch(PROBLEM_JSON)
  })

  describe('stream tokens', () => {
    const token = async (device: Device) => {
      const res = await world().app.inject({
        method: 'POST',
        url: '/api/events/token',
        headers: device.headers,
      })
      expect(res.statusCode).toBe(200)
      expect(res.headers['cache-control']).toBe('no-store')
      return res.json<{ token: string; expiresAt: string }>()
    }
    const status = async (url: string) => {
      const stream = await openSse(url)
      stream.close()
      return stream.status
    }
    const expectRefused = async (url: string) => {
      const stream = await openSse(url)
      expect(stream.status, url).toBe(401)
      expect(stream.headers['content-type']).toMatch(PROBLEM_JSON)
      expect(JSON.parse(stream.problem ?? '{}')).toMatchObject({ status: 401 })
    }
    const withToken = (w: EventWorld, issued: string) => `${w.base}/events?token=${issued}`

    it("opens one stream of the owner's changes, once, within its 60 seconds", async () => {
      const { app, clock, owner } = world()
      const issued = await token(owner)
      expect(Date.parse(issued.expiresAt) - clock.now().getTime()).toBe(60_000)
      const stream = await openSse(withToken(world(), issued.token))
      expect(stream.status).toBe(200)
      await stream.until(isReady)
      const mine = await reportTicket(app, owner)
      await stream.until(() => stream.changes().length === 1)
      expect(stream.changes()[0]?.data).toMatchObject({ ticketId: mine.id, type: 'submit' })
      stream.close()
      await expectRefused(withToken(world(), issued.token))
    })

    it('is refused once expired or tampered with', async () => {
      const { clock, owner, other } = world()
      const expired = await token(owner)
      clock.set(new Date(clock.now().getTime() + 60_000))
      try {
        await expectRefused(withToken(world(), expired.token))
      } finally {
        clock.set(FIXED_NOW)
      }
      const { token: good } = await token(owner)
      const flipped = good.slice(0, -2) + (good.at(-2) === 'A' ? 'B' : 'A') + good.at(-1)
      const otherDevice = good.replace(/^[^.]+/, other.deviceId)
      for (const bad of [flipped, otherDevice, 'x', `${good}x`]) {
        await expectRefused(withToken(world(), encodeURIComponent(bad)))
      }
      expect(await status(withToken(world(), good))).toBe(200)
    })

    it('is no credential on any other route', async () => {
      const { app, owner } = world()
      const { token: issued } = await token(owner)
      for (const request of [
        { url: '/api/tickets', headers: { authorization: `Bearer ${issued}` } },
        { url: `/api/tickets?token=${issued}`, headers: {} },
        { url: `/api/staff/events?token=${issued}`, headers: {} },
      ]) {
        const res = await app.inject({ method: 'GET', ...request })
        expect(res.statusCode, request.url).toBe(401)
      }
      expect(await status(withToken(world(), issued))).toBe(200)
    })
  })
})
