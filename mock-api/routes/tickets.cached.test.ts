// An owner's reads are served from memory between commits (read-cache.ts): here two servers share
// one store, as two processes would, and every change one makes is what the other answers next.
// The clock-dependent parts (due flags, what the owner may do) follow the clock, not the cache.
// On PostgreSQL a server hears another's commit by NOTIFY (change-feed.ts), which arrives after the
// commit — about a millisecond on an idle machine, longer on a loaded one — so there the reads
// that must see it poll briefly; on SQLite `data_version` moves at once and the very next read must.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ticketSchema } from '../contract.js'
import { toChinaIso } from '../domain/china-time.js'
import type { DbHandle } from '../storage/database.js'
import { createDb } from '../storage/database.js'
import { databases, useStore } from '../test/databases.js'
import type { Device, OwnerTestApp } from '../test/owner-fixtures.js'
import { buildOwnerApp, newDevice, reportTicket } from '../test/owner-fixtures.js'
import { FIXED_NOW } from '../test/test-app.js'

describe.each(databases)('owner reads across two servers on $name', (database) => {
  const store = useStore(database)
  let first: OwnerTestApp
  let second: OwnerTestApp
  let secondStore: DbHandle
  beforeAll(async () => {
    first = await buildOwnerApp(store())
    secondStore = createDb(store().config)
    second = await buildOwnerApp({ ...store(), ...secondStore })
  })
  afterAll(async () => {
    await Promise.all([first.app.close(), second.app.close()])
    await secondStore.close()
  })

  /** The status a read answers once the other server's commit has been heard. */
  const settled = async (probe: () => Promise<unknown>, expected: unknown) => {
    if (database.name === 'sqlite') expect(await probe()).toEqual(expected)
    else await expect.poll(probe, { timeout: 5_000, interval: 20 }).toEqual(expected)
  }

  const read = async (t: OwnerTestApp, id: string, device: Device) => {
    const res = await t.app.inject({ url: `/api/tickets/${id}`, headers: device.headers })
    return {
      status: res.statusCode,
      ticket: res.statusCode === 200 ? ticketSchema.parse(res.json()) : null,
    }
  }

  it('shows a change the other server made at the very next read', async () => {
    first.clock.set(FIXED_NOW)
    second.clock.set(FIXED_NOW)
    const owner = await newDevice(first.app)
    const { id } = await reportTicket(first.app, owner)
    expect((await read(first, id, owner)).ticket?.status).toBe('submitted')
    expect((await read(first, id, owner)).ticket?.status).toBe('submitted')
    const withdrawn = await second.app.inject({
      method: 'POST',
      url: `/api/tickets/${id}/withdraw`,
      headers: owner.headers,
      payload: { id: randomUUID() },
    })
    expect(withdrawn.statusCode).toBe(200)
    await settled(
      async () => {
        const ticket = (await read(first, id, owner)).ticket
        return { status: ticket?.status, due: ticket?.due }
      },
      { status: 'withdrawn', due: null },
    )
  })

  it('refuses a credential the other server revoked at its next request', async () => {
    const owner = await newDevice(first.app)
    const { id } = await reportTicket(first.app, owner)
    expect((await read(first, id, owner)).status).toBe(200)
    await secondStore.db
      .updateTable('devices')
      .set({ revoked_at: FIXED_NOW.toISOString() })
      .where('id', '=', owner.deviceId)
      .execute()
    await settled(async () => (await read(first, id, owner)).status, 401)
  })

  it('never gives another owner a ticket it holds in memory', async () => {
    const owner = await newDevice(first.app)
    const stranger = await newDevice(first.app)
    const { id } = await reportTicket(first.app, owner)
    expect((await read(first, id, owner)).status).toBe(200)
    expect((await read(first, id, stranger)).status).toBe(404)
  })

  it('works out the due flags and actions at the time of each read', async () => {
    first.clock.set(FIXED_NOW)
    const owner = await newDevice(first.app)
    const { id } = await reportTicket(first.app, owner)
    const fresh = (await read(first, id, owner)).ticket
    expect(fresh?.due).toMatchObject({ step: 'acceptance', overdue: false })
    expect(fresh?.actions?.urge).toBe(false)
    first.clock.set(new Date(FIXED_NOW.getTime() + 10 * 86_400_000))
    const late = (await read(first, id, owner)).ticket
    expect(late?.due).toMatchObject({ step: 'acceptance', overdue: true })
    expect(late?.actions?.urge).toBe(true)
    expect(late?.urgeAvailableAt).toBe(late && toChinaIso(first.clock.now()))
    // "You may urge now" names the time of the read, not of the read before.
    first.clock.set(new Date(first.clock.now().getTime() + 5_000))
    const later = (await read(first, id, owner)).ticket
    expect(later?.urgeAvailableAt).toBe(toChinaIso(first.clock.now()))
  })

  it('shows the due passed from the very instant it passes', async () => {
    first.clock.set(FIXED_NOW)
    const owner = await newDevice(first.app)
    const { id } = await reportTicket(first.app, owner)
    const dueAt = Date.parse((await read(first, id, owner)).ticket?.due?.at ?? '')
    first.clock.set(new Date(dueAt - 1))
    const before = (await read(first, id, owner)).ticket
    expect(before?.due).toMatchObject({ overdue: false, nearDue: true })
    expect(before?.actions?.urge).toBe(false)
    first.clock.set(new Date(dueAt))
    const after = (await read(first, id, owner)).ticket
    expect(after?.due).toMatchObject({ overdue: true, nearDue: false })
    expect(after?.actions?.urge).toBe(true)
  })
})
