import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { problemSchema } from '../contract.js'
import { hashCredential } from '../storage/owners.js'
import { databases, useStore } from '../test/databases.js'
import type { Device, OwnerTestApp } from '../test/owner-fixtures.js'
import { PHONE, buildOwnerApp, newDevice, reportTicket } from '../test/owner-fixtures.js'
import { FIXED_NOW } from '../test/test-app.js'

const MINUTE = 60_000
const at = (minutes: number) => new Date(FIXED_NOW.getTime() + minutes * MINUTE)

describe.each(databases)('devices and linking on $name', (database) => {
  const store = useStore(database)
  let t: OwnerTestApp
  beforeAll(async () => {
    t = await buildOwnerApp(store())
  })
  afterAll(() => t.app.close())

  const myTickets = (device: Device) =>
    t.app.inject({ method: 'GET', url: '/api/tickets', headers: device.headers })
  const link = (device: Device, phone: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/devices/link',
      headers: device.headers,
      payload: { phone },
    })
  const confirm = (device: Device, phone: string, code: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/devices/link/confirm',
      headers: device.headers,
      payload: { phone, code },
    })

  it('issues a credential that authenticates and is stored only as its hash', async () => {
    t.clock.set(FIXED_NOW)
    const device = await newDevice(t.app)
    expect(device.credential).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect((await myTickets(device)).statusCode).toBe(200)
    const row = await store()
      .db.selectFrom('devices')
      .selectAll()
      .where('id', '=', device.deviceId)
      .executeTakeFirstOrThrow()
    expect(row.credential_hash).toBe(hashCredential(device.credential))
    expect(JSON.stringify(row)).not.toContain(device.credential)
  })

  it('answers 401 without a credential, with a wrong one, and for a revoked device', async () => {
    const device = await newDevice(t.app)
    const wrong = `Bearer ${'A'.repeat(43)}`
    for (const headers of [{}, { authorization: wrong }, { authorization: 'Basic abc' }]) {
      const res = await t.app.inject({ method: 'GET', url: '/api/tickets', headers })
      expect(res.statusCode).toBe(401)
      expect(res.headers['www-authenticate']).toBe('Bearer')
      expect(problemSchema.parse(res.json()).status).toBe(401)
    }
    await store()
      .db.updateTable('devices')
      .set({ revoked_at: FIXED_NOW.toISOString() })
      .where('id', '=', device.deviceId)
      .execute()
    expect((await myTickets(device)).statusCode).toBe(401)
  })

  it('records when a device was last seen, at most once a minute', async () => {
    t.clock.set(FIXED_NOW)
    const device = await newDevice(t.app)
    const lastSeen = async () =>
      (
        await store()
          .db.selectFrom('devices')
          .select('last_seen_at')
          .where('id', '=', device.deviceId)
          .executeTakeFirstOrThrow()
      ).last_seen_at
    t.clock.set(at(0.5))
    await myTickets(device)
    expect(await lastSeen()).toBe(FIXED_NOW.toISOString())
    t.clock.set(at(2))
    await myTickets(device)
    expect(await lastSeen()).toBe(at(2).toISOString())
  })

  it('links a second device to the owner of a contact phone with a one-time code', async () => {
    t.clock.set(FIXED_NOW)
    const first = await newDevice(t.app)
    const ticket = await reportTicket(t.app, first, {
      contact: { name: '李', phone: '13911112222' },
    })
    const second = await newDevice(t.app)

    const sentBefore = t.sender.sent.length
    expect((await link(second, '13900000000')).statusCode).toBe(202)
    expect(t.sender.sent.length).toBe(sentBefore)
    const res = await link(second, '139 1111 2222'.replaceAll(' ', ''))
    expect(res.statusCode).toBe(202)
    expect(res.json()).toEqual({ accepted: true })
    const sent = t.sender.sent.at(-1)
    expect(sent?.phone).toBe('13911112222')
    expect(sent?.code).toMatch(/^\d{6}$/)
    const codes = await store()
      .db.selectFrom('link_codes')
      .selectAll()
      .where('device_id', '=', second.deviceId)
      .execute()
    expect(JSON.stringify(codes)).not.toContain(`"${sent?.code}"`)

    const wrongCode = sent?.code === '000000' ? '111111' : '000000'
    const wrong = await confirm(second, '13911112222', wrongCode)
    expect(wrong.statusCode).toBe(422)
    expect(wrong.json()).toMatchObject({ type: 'urn:guishang:problem:wrong_code', attemptsLeft: 4 })
    const linked = await confirm(second, '13911112222', sent?.code ?? '')
    expect(linked.statusCode).toBe(200)
    expect(linked.json()).toEqual({ linked: true, tickets: 1 })
    const list = (await myTickets(second)).json<{ tickets: { id: string }[] }>().tickets
    expect(list.map((item) => item.id)).toEqual([ticket.id])
    expect((await confirm(second, '13911112222', sent?.code ?? '')).statusCode).toBe(410)
  })

  it('lets a code expire after 10 minutes', async () => {
    t.clock.set(FIXED_NOW)
    const first = await newDevice(t.app)
    await reportTicket(t.app, first, { contact: { name: '王', phone: '13722223333' } })
    const second = await newDevice(t.app)
    await link(second, '13722223333')
    const code = t.sender.sent.at(-1)?.code ?? ''
    t.clock.set(at(10))
    const res = await confirm(second, '13722223333', code)
    expect(res.statusCode).toBe(410)
    expect(res.json().type).toBe('urn:guishang:problem:link_code_expired')
    expect((await myTickets(second)).json().tickets).toEqual([])
  })

  it('gives up after 5 wrong codes, even for the right one then', async () => {
    t.clock.set(FIXED_NOW)
    const first = await newDevice(t.app)
    await reportTicket(t.app, first, { contact: { name: '赵', phone: PHONE } })
    const second = await newDevice(t.app)
    await link(second, PHONE)
    const code = t.sender.sent.at(-1)?.code ?? ''
    const wrongCode = code === '000000' ? '111111' : '000000'
    const statuses = []
    for (let i = 0; i < 5; i++) statuses.push((await confirm(second, PHONE, wrongCode)).statusCode)
    expect(statuses).toEqual([422, 422, 422, 422, 429])
    const right = await confirm(second, PHONE, code)
    expect(right.statusCode).toBe(429)
    expect(right.json().type).toBe('urn:guishang:problem:too_many_attempts')
  })

  it('limits how many codes one device may ask for', async () => {
    const device = await newDevice(t.app)
    const statuses = []
    for (let i = 0; i < 6; i++) statuses.push((await link(device, `1350000000${i}`)).statusCode)
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429])
  })
})
