import { describe, expect, it } from 'vitest'
import { SESSION_LIMITS } from '../plugins/staff-auth.js'
import {
  NEW_PASSWORD,
  accountRequests,
  deskInput,
  expectAccount,
} from '../test/account-fixtures.js'
import { databases } from '../test/databases.js'
import { cookieHeader, useEventWorld } from '../test/event-fixtures.js'
import { reportTicket } from '../test/owner-fixtures.js'
import { isReady, openSse } from '../test/sse-client.js'
import { signIn } from '../test/staff-fixtures.js'
import { ended } from '../test/stream-endings.js'
import { FIXED_NOW } from '../test/test-app.js'

const LIUZHOU = { divisionCode: '450202' }

describe.each(databases)('a staff stream whose session ends, on $name', (database) => {
  const world = useEventWorld(database)

  const openStream = async (cookies: Record<string, string>) => {
    const stream = await openSse(`${world().base}/staff/events`, cookieHeader(cookies))
    expect(stream.status).toBe(200)
    await stream.until(isReady)
    return stream
  }

  /** A new Liuzhou desk account, signed in, with its stream open. */
  async function newDeskStream(username: string) {
    const { app } = world()
    const admin = await signIn(app, 'admin')
    const api = accountRequests(app)
    const account = expectAccount(await api.create(admin, deskInput(username)), 201)
    const stream = await openStream(await signIn(app, username, NEW_PASSWORD))
    const change = (body: object) => api.change(admin, account.id, body)
    return { stream, change }
  }

  it('ends on sign-out, sends nothing after, and leaves other sessions streaming', async () => {
    const { app, owner, desk } = world()
    const session = await signIn(app, 'desk.nanning')
    const signedOut = await openStream(session)
    const stillIn = await openStream(desk)

    const res = await app.inject({ method: 'DELETE', url: '/api/staff/session', cookies: session })
    expect(res.statusCode).toBe(204)
    const ticket = await reportTicket(app, owner)
    await stillIn.until(() => stillIn.changes().some((c) => c.data.ticketId === ticket.id))
    await ended(signedOut)
    expect(signedOut.changes()).toEqual([])
    stillIn.close()
  })

  it('ends when the admin disables the account', async () => {
    const { app, other } = world()
    const { stream, change } = await newDeskStream('desk.liuzhou.disabled')
    expectAccount(await change({ disabled: true }))
    await reportTicket(app, other, LIUZHOU)
    await ended(stream)
    expect(stream.changes()).toEqual([])
  })

  it('ends when the admin moves the account to another city', async () => {
    const { app, other } = world()
    const { stream, change } = await newDeskStream('desk.liuzhou.moved')
    expectAccount(await change({ role: 'desk', divisionCode: '450100' }))
    await reportTicket(app, other, LIUZHOU)
    await ended(stream)
    expect(stream.changes()).toEqual([])
  })

  it('ends when the session expires', async () => {
    const { app, clock, other } = world()
    const stream = await openStream(await signIn(app, 'desk.liuzhou'))
    clock.set(new Date(FIXED_NOW.getTime() + SESSION_LIMITS.idleMs))
    try {
      await reportTicket(app, other, LIUZHOU)
      await ended(stream)
    } finally {
      clock.set(FIXED_NOW)
    }
    expect(stream.changes()).toEqual([])
  })
})
