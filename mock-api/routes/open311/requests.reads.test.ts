// What a key reads: only its owner's requests, filtered as GeoReport v2 says, never a name.
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Ticket } from '../../contract.js'
import { databases, useStore } from '../../test/databases.js'
import type { Device } from '../../test/owner-fixtures.js'
import { buildOwnerApp, newDevice } from '../../test/owner-fixtures.js'
import {
  expectOpen311,
  expectOpen311Error,
  getOpen311,
  open311Form,
  postOpen311,
} from '../../test/open311-fixtures.js'

type Created = { service_request_id: string; service_notice: string }[]
type Request = { service_request_id: string; status: string; [field: string]: unknown }

describe.each(databases)('Open311 reads on $name', (database) => {
  const store = useStore(database)
  let app: FastifyInstance
  let owner: Device
  let other: Device

  const created = async (form: Record<string, string>) =>
    expectOpen311<Created>(await postOpen311(app, form), 201, 'request-created')[0]!

  const ownTickets = async (device: Device) =>
    (await app.inject({ url: '/api/tickets', headers: device.headers })).json<{
      tickets: Ticket[]
    }>().tickets

  beforeAll(async () => {
    ;({ app } = await buildOwnerApp(store()))
    owner = await newDevice(app)
    other = await newDevice(app)
    await created(open311Form(owner.credential))
    await created(open311Form(owner.credential, { service_code: 'help' }))
  })
  afterAll(() => app.close())

  it('shows a key only its own requests; another owner’s id is a 404', async () => {
    const mine = await created(open311Form(other.credential, { service_code: 'report' }))
    const list = expectOpen311<Request[]>(
      await getOpen311(app, 'requests.json', { api_key: owner.credential }),
      200,
      'requests.json',
    )
    expect(list.length).toBeGreaterThan(0)
    expect(list.map((r) => r.service_request_id)).not.toContain(mine.service_request_id)
    const numbers = (await ownTickets(owner)).map((t) => t.number).sort()
    expect(list.map((r) => r.service_request_id).sort()).toEqual(numbers)
    const foreign = await getOpen311(app, `requests/${mine.service_request_id}.json`, {
      api_key: owner.credential,
    })
    const missing = await getOpen311(app, 'requests/GX9901010001.json', {
      api_key: owner.credential,
    })
    expectOpen311Error(foreign, 404)
    expect(foreign.body).toBe(missing.body)
    const byId = await getOpen311(app, 'requests.json', {
      api_key: owner.credential,
      service_request_id: `${mine.service_request_id},${list[0]?.service_request_id}`,
    })
    expect(expectOpen311<Request[]>(byId, 200, 'requests.json')).toEqual([list[0]])
  })

  it('filters by service_code, status and a window of at most 90 days', async () => {
    const query = (extra: Record<string, string>) =>
      getOpen311(app, 'requests.json', { api_key: owner.credential, ...extra })
    const help = expectOpen311<Request[]>(
      await query({ service_code: 'help' }),
      200,
      'requests.json',
    )
    expect(help.length).toBeGreaterThan(0)
    expect(help.every((r) => r.service_code === 'help')).toBe(true)
    expect(await query({ status: 'closed' }).then((r) => r.json<Request[]>())).toEqual([])
    const open = await query({ status: 'open,closed' }).then((r) => r.json<Request[]>())
    expect(open.length).toBe((await ownTickets(owner)).length)
    const before = expectOpen311<Request[]>(
      await query({ start_date: '2026-01-01T00:00:00+08:00', end_date: '2026-02-12T23:59:59Z' }),
      200,
      'requests.json',
    )
    expect(before).toEqual([])
    const around = await query({ start_date: '2026-02-13T00:00:00+08:00' })
    expect(around.json<Request[]>().length).toBe(open.length)
    const refused: Record<string, string>[] = [
      { start_date: '2025-01-01T00:00:00Z', end_date: '2026-02-13T00:00:00Z' },
      { start_date: 'yesterday' },
      { status: 'pending' },
      { service_code: 'parking' },
    ]
    for (const bad of refused) {
      expectOpen311Error(await query(bad), 400)
    }
  })

  it('never shows a name on a confidential ticket', async () => {
    const form = open311Form(owner.credential, {
      'attribute[confidential]': 'true',
      'attribute[business_name]': '保密商行',
      first_name: '秘密',
      last_name: '李',
    })
    const answer = await created(form)
    const ticket = (await ownTickets(owner)).find((t) => t.number === answer.service_request_id)
    const full = await app.inject({ url: `/api/tickets/${ticket?.id}`, headers: owner.headers })
    expect(full.json<Ticket>()).toMatchObject({ confidential: true })
    for (const res of [
      await getOpen311(app, `requests/${answer.service_request_id}.json`, {
        api_key: owner.credential,
      }),
      await getOpen311(app, 'requests.json', { api_key: owner.credential }),
    ]) {
      expect(res.statusCode).toBe(200)
      expect(res.body).not.toContain('保密商行')
      expect(res.body).not.toContain('李秘密')
      expect(res.body).not.toContain('秘密')
    }
  })
})
