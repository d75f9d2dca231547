import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadVapidKeys } from '../storage/vapid-keys.js'
import { databases, useStore } from '../test/databases.js'
import type { OwnerTestApp } from '../test/owner-fixtures.js'
import { buildOwnerApp, newDevice, reportTicket } from '../test/owner-fixtures.js'
import type { PushService } from '../test/push-service.js'
import { browserKeys, checkVapid, startPushService } from '../test/push-service.js'
import { advance, seedStaff, signIn } from '../test/staff-fixtures.js'
import { FIXED_NOW, testClock } from '../test/test-app.js'
import { capturingSms, senderOver } from '../test/notification-fixtures.js'
import { sendDueNotifications } from '../workflow/notification-sender.js'
import { webPushDriver } from '../workflow/web-push-driver.js'

type Subscribed = {
  device: Awaited<ReturnType<typeof newDevice>>
  endpoint: string
  keys: ReturnType<typeof browserKeys>
}

describe.each(databases)('Web Push on $name', (database) => {
  const store = useStore(database)
  let service: PushService
  let other: PushService
  let owner: OwnerTestApp

  beforeAll(async () => {
    service = await startPushService()
    other = await startPushService()
    await seedStaff(store())
    owner = await buildOwnerApp(store(), { PUSH_ENDPOINT_ORIGINS: service.origin })
  })
  afterAll(async () => {
    await owner.app.close()
    await service.close()
    await other.close()
  })

  async function subscribe(locale: 'zh-CN' | 'en' = 'zh-CN'): Promise<Subscribed> {
    const device = await newDevice(owner.app)
    const keys = browserKeys()
    const endpoint = `${service.origin}/push/${device.deviceId}`
    const res = await owner.app.inject({
      method: 'POST',
      url: '/api/push/subscriptions',
      headers: device.headers,
      payload: {
        endpoint,
        expirationTime: null,
        keys: { p256dh: keys.p256dh, auth: keys.auth },
        locale,
      },
    })
    expect(res.statusCode).toBe(201)
    return { device, endpoint, keys }
  }

  async function sendAll() {
    const { db } = store()
    const vapid = await loadVapidKeys(db, null, FIXED_NOW)
    const push = webPushDriver(vapid, [service.origin])
    return sendDueNotifications(
      senderOver(store(), testClock(FIXED_NOW), { sms: capturingSms(), push }),
    )
  }

  it('hands out the VAPID public key as an uncompressed P-256 point', async () => {
    const res = await owner.app.inject({ method: 'GET', url: '/api/push/key' })
    expect(res.statusCode).toBe(200)
    const { publicKey } = res.json<{ publicKey: string }>()
    const raw = Buffer.from(publicKey, 'base64url')
    expect(raw).toHaveLength(65)
    expect(raw[0]).toBe(4)
  })

  it('delivers an encrypted message only the subscription can read, signed with VAPID', async () => {
    const { device, endpoint, keys } = await subscribe('en')
    const ticket = await reportTicket(owner.app, device)
    await advance(store().db, ticket.id, [
      [
        { type: 'refuse', basis: 'A dispute between businesses: please go to court.' },
        'desk.nanning',
      ],
    ])
    const before = service.received.length
    await sendAll()
    const mine = service.received
      .slice(before)
      .filter((push) => push.path === new URL(endpoint).pathname)
    expect(mine).toHaveLength(1)
    const [push] = mine as [(typeof mine)[number]]
    expect(push.headers['content-encoding']).toBe('aes128gcm')
    expect(push.headers.urgency).toBe('high')
    expect(Number(push.headers.ttl)).toBeGreaterThan(0)

    const payload = JSON.parse(keys.decrypt(push.body)) as Record<string, unknown>
    expect(payload).toMatchObject({
      ticketId: ticket.id,
      number: ticket.number,
      status: 'not_accepted',
      title: `Ticket ${ticket.number}`,
      body: 'Your report was not accepted. Basis: A dispute between businesses: please go to court.',
      url: `https://gs.example.cn/tickets/${ticket.id}`,
    })
    // Another browser's keys cannot read it.
    expect(() => browserKeys().decrypt(push.body)).toThrow()

    const { publicKey } = (await owner.app.inject({ method: 'GET', url: '/api/push/key' })).json<{
      publicKey: string
    }>()
    const { k, claims } = checkVapid(push.headers.authorization)
    expect(k).toBe(publicKey)
    expect(claims.aud).toBe(service.origin)
    expect(claims.sub).toMatch(/^mailto:|^https:/)
    expect(claims.exp * 1000).toBeGreaterThan(Date.now())
    expect(claims.exp * 1000).toBeLessThanOrEqual(Date.now() + 24 * 3_600_000)
  })

  it('deletes a subscription the push service answers 410 for, and sends to it no more', async () => {
    const { device, endpoint } = await subscribe()
    const first = await reportTicket(owner.app, device)
    service.status = 410
    try {
      await advance(store().db, first.id, [[{ type: 'accept' }, 'desk.nanning']])
      await sendAll()
    } finally {
      service.status = 201
    }
    const rows = await store()
      .db.selectFrom('push_subscriptions')
      .select('id')
      .where('endpoint', '=', endpoint)
      .execute()
    expect(rows).toEqual([])
    const before = service.received.length
    await advance(store().db, first.id, [
      [{ type: 'dispatch', leadUnitId: 'nanning-amr' }, 'desk.nanning'],
    ]).catch(() => undefined)
    await sendAll()
    expect(
      service.received.slice(before).filter((push) => push.path === new URL(endpoint).pathname),
    ).toEqual([])
  })

  it('refuses an endpoint off the allow-list with 422 and never contacts it', async () => {
    const device = await newDevice(owner.app)
    const keys = browserKeys()
    for (const endpoint of [
      `${other.origin}/push/x`,
      'https://evil.example/push/x',
      'http://169.254.169.254/latest',
    ]) {
      const res = await owner.app.inject({
        method: 'POST',
        url: '/api/push/subscriptions',
        headers: device.headers,
        payload: { endpoint, keys: { p256dh: keys.p256dh, auth: keys.auth } },
      })
      expect(res.statusCode, endpoint).toBe(422)
      expect(res.json()).toMatchObject({
        type: 'urn:guishang:problem:push_endpoint_not_allowed',
      })
    }
    const ticket = await reportTicket(owner.app, device)
    await advance(store().db, ticket.id, [[{ type: 'accept' }, 'desk.nanning']])
    await sendAll()
    expect(other.received).toEqual([])
  })

  it('lets the device turn push off, and needs its credential to do so', async () => {
    const { device, endpoint } = await subscribe()
    const anonymous = await owner.app.inject({
      method: 'DELETE',
      url: '/api/push/subscriptions',
      payload: { endpoint },
    })
    expect(anonymous.statusCode).toBe(401)
    const stranger = await newDevice(owner.app)
    await owner.app.inject({
      method: 'DELETE',
      url: '/api/push/subscriptions',
      headers: stranger.headers,
      payload: { endpoint },
    })
    const kept = await store()
      .db.selectFrom('push_subscriptions')
      .select('id')
      .where('endpoint', '=', endpoint)
      .execute()
    expect(kept).toHaveLength(1)
    const res = await owner.app.inject({
      method: 'DELETE',
      url: '/api/push/subscriptions',
      headers: device.headers,
      payload: { endpoint },
    })
    expect(res.statusCode).toBe(204)
    const left = await store()
      .db.selectFrom('push_subscriptions')
      .select('id')
      .where('endpoint', '=', endpoint)
      .execute()
    expect(left).toEqual([])
  })

  it('turns SMS off for one ticket of the owner, and hides other owners’ tickets', async () => {
    const device = await newDevice(owner.app)
    const ticket = await reportTicket(owner.app, device, {
      contact: { name: '李四', phone: '13912345678' },
    })
    const url = `/api/tickets/${ticket.id}/notifications`
    expect(
      (await owner.app.inject({ method: 'GET', url, headers: device.headers })).json(),
    ).toEqual({ sms: true })
    const stranger = await newDevice(owner.app)
    const foreign = await owner.app.inject({
      method: 'PUT',
      url,
      headers: stranger.headers,
      payload: { sms: false },
    })
    expect(foreign.statusCode).toBe(404)
    const off = await owner.app.inject({
      method: 'PUT',
      url,
      headers: device.headers,
      payload: { sms: false },
    })
    expect(off.json()).toEqual({ sms: false })
    await advance(store().db, ticket.id, [[{ type: 'accept' }, 'desk.nanning']])
    const rows = await store()
      .db.selectFrom('notifications')
      .select('channel')
      .where('ticket_id', '=', ticket.id)
      .execute()
    expect(rows.map((row) => row.channel)).not.toContain('sms')
  })

  it('shows the admin what was sent, with the provider answer, masked phones and the failures', async () => {
    const url = '/api/staff/admin/notifications'
    const desk = await owner.app.inject({
      method: 'GET',
      url,
      cookies: await signIn(owner.app, 'desk.nanning'),
    })
    expect(desk.statusCode).toBe(403)
    const failing = await newDevice(owner.app)
    const ticket = await reportTicket(owner.app, failing)
    await advance(store().db, ticket.id, [[{ type: 'accept' }, 'desk.nanning']])
    const sms = capturingSms()
    sms.answer = { kind: 'rejected', answer: 'isv.MOBILE_NUMBER_ILLEGAL' }
    await sendDueNotifications(senderOver(store(), testClock(FIXED_NOW), { sms }))
    const res = await owner.app.inject({
      method: 'GET',
      url,
      cookies: await signIn(owner.app, 'admin'),
    })
    expect(res.statusCode).toBe(200)
    const body = res.json<{ failed: number; recent: { ticketNumber: string | null }[] }>()
    expect(body.failed).toBeGreaterThanOrEqual(1)
    expect(body.recent.find((row) => row.ticketNumber === ticket.number)).toMatchObject({
      channel: 'sms',
      recipient: '138****1234',
      event: 'accepted',
      status: 'failed',
      answer: 'isv.MOBILE_NUMBER_ILLEGAL',
    })
    expect(res.body).not.toContain('13800001234')
  })
})
