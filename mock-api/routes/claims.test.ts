import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { problemSchema, ticketListSchema, ticketSchema } from '../contract.js'
import { databases, useStore } from '../test/databases.js'
import type { Device } from '../test/owner-fixtures.js'
import {
  CREDIT_CODE,
  PHONE,
  buildOwnerApp,
  newDevice,
  postReport,
  reportBody,
} from '../test/owner-fixtures.js'
import { advance, seedStaff, signIn } from '../test/staff-fixtures.js'

type Receipt = { id: string; number: string; code: string }

describe.each(databases)('POST /api/claims on $name', (database) => {
  const store = useStore(database)
  let app: FastifyInstance
  let desk: Record<string, string>

  beforeAll(async () => {
    await seedStaff(store())
    app = (await buildOwnerApp(store())).app
    desk = await signIn(app, 'desk.nanning')
  })
  afterAll(() => app.close())

  const register = async (): Promise<Receipt> => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/staff/intake',
      cookies: desk,
      payload: {
        id: randomUUID(),
        channel: 'phone',
        category: 'help',
        title: '来电求助',
        description: '电话里说明的情况。',
        business: { name: '青秀区小明便利店', creditCode: CREDIT_CODE, kind: 'individual' },
        contact: { name: '张小明', phone: PHONE },
        divisionCode: '450103',
      },
    })
    expect(res.statusCode, res.body).toBe(201)
    return res.json<Receipt>()
  }
  const claim = (device: Device, number: string, code: string) =>
    app.inject({
      method: 'POST',
      url: '/api/claims',
      headers: device.headers,
      payload: { number, code },
    })
  const listOf = async (device: Device) =>
    ticketListSchema
      .parse(
        (await app.inject({ method: 'GET', url: '/api/tickets', headers: device.headers })).json(),
      )
      .tickets.map((t) => t.id)
  const ownerOf = async (id: string) =>
    (
      await store()
        .db.selectFrom('tickets')
        .select(['owner_id', 'claimed_at'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).owner_id

  it('adds the ticket to this phone, which may then act on it as its owner', async () => {
    const receipt = await register()
    const device = await newDevice(app)
    expect(await listOf(device)).toEqual([])
    const res = await claim(device, receipt.number.toLowerCase(), ` ${receipt.code.toLowerCase()} `)
    expect(res.statusCode, res.body).toBe(200)
    expect(ticketSchema.parse(res.json())).toMatchObject({ id: receipt.id, channel: 'phone' })
    expect(await listOf(device)).toEqual([receipt.id])
    const again = await claim(device, receipt.number, receipt.code)
    expect(again.statusCode).toBe(200)
    const material = await app.inject({
      method: 'POST',
      url: `/api/tickets/${receipt.id}/materials`,
      headers: device.headers,
      payload: { id: randomUUID(), text: '补充：营业执照照片稍后上传。' },
    })
    expect(material.statusCode, material.body).toBeLessThan(300)
    await advance(store().db, receipt.id, [
      [{ type: 'accept' }, 'desk.nanning'],
      [{ type: 'answer', reply: '已电话告知申请材料。' }, 'desk.nanning'],
    ])
    const rating = await app.inject({
      method: 'POST',
      url: `/api/tickets/${receipt.id}/rating`,
      headers: device.headers,
      payload: { id: randomUUID(), resolved: 'yes', satisfaction: 'satisfied' },
    })
    expect(rating.statusCode, rating.body).toBe(200)
    expect(rating.json()).toMatchObject({ status: 'closed' })
  })

  it('answers a wrong code or number with 404 and changes nothing', async () => {
    const receipt = await register()
    const before = await ownerOf(receipt.id)
    const device = await newDevice(app)
    const wrongCode = receipt.code === 'ABC234' ? 'ABC235' : 'ABC234'
    expect((await claim(device, receipt.number, wrongCode)).statusCode).toBe(404)
    expect((await claim(device, 'GX000000000', receipt.code)).statusCode).toBe(404)
    expect(await ownerOf(receipt.id)).toBe(before)
    expect(await listOf(device)).toEqual([])
  })

  it('refuses a second phone, and a ticket sent from a phone', async () => {
    const receipt = await register()
    const first = await newDevice(app)
    const second = await newDevice(app)
    expect((await claim(first, receipt.number, receipt.code)).statusCode).toBe(200)
    const res = await claim(second, receipt.number, receipt.code)
    expect(res.statusCode).toBe(409)
    expect(problemSchema.parse(res.json()).type).toBe('urn:guishang:problem:already_claimed')
    expect(await listOf(second)).toEqual([])

    const reporter = await newDevice(app)
    const sent = (await postReport(app, reporter, reportBody())).json<Receipt>()
    const stranger = await claim(second, sent.number, sent.code)
    expect(stranger.statusCode).toBe(409)
    expect(problemSchema.parse(stranger.json()).type).toBe('urn:guishang:problem:not_registered')
    expect(await listOf(reporter)).toEqual([sent.id])
  })

  it('is limited like receipt look-ups: wrong codes for one number run out', async () => {
    const receipt = await register()
    const device = await newDevice(app)
    const wrong = receipt.code === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ'
    for (let i = 0; i < 10; i++) {
      expect((await claim(device, receipt.number, wrong)).statusCode).toBe(404)
    }
    expect((await claim(device, receipt.number, wrong)).statusCode).toBe(429)
    expect((await claim(device, receipt.number, receipt.code)).statusCode).toBe(429)
  })

  it('needs a device credential', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/claims',
      payload: { number: 'GX1', code: 'ABC234' },
    })
    expect(res.statusCode).toBe(401)
  })
})
