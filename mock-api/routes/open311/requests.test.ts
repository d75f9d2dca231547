import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Ticket } from '../../contract.js'
import { databases, useStore } from '../../test/databases.js'
import type { Device } from '../../test/owner-fixtures.js'
import { CREDIT_CODE, PHONE, buildOwnerApp, newDevice } from '../../test/owner-fixtures.js'
import {
  expectOpen311,
  expectOpen311Error,
  getOpen311,
  open311Form,
  open311SchemaErrors,
  postOpen311,
} from '../../test/open311-fixtures.js'

type Created = { service_request_id: string; service_notice: string }[]
type Request = { service_request_id: string; status: string; [field: string]: unknown }

it('the community schemas refuse what they should (the validator bites)', () => {
  expect(
    open311SchemaErrors('request.json', { service_request_id: 'GX1', status: 'new' }),
  ).not.toEqual([])
  expect(open311SchemaErrors('errors', [{ code: '400', description: 'x' }])).not.toEqual([])
  expect(open311SchemaErrors('requests.json', [{ status: 'open' }])).not.toEqual([])
})

describe.each(databases)('Open311 requests on $name', (database) => {
  const store = useStore(database)
  let app: FastifyInstance
  let owner: Device
  let other: Device
  beforeAll(async () => {
    ;({ app } = await buildOwnerApp(store()))
    owner = await newDevice(app)
    other = await newDevice(app)
  })
  afterAll(() => app.close())

  const created = async (form: Record<string, string>, headers = {}) =>
    expectOpen311<Created>(await postOpen311(app, form, headers), 201, 'request-created')[0]!

  const ownTickets = async (device: Device) =>
    (await app.inject({ url: '/api/tickets', headers: device.headers })).json<{
      tickets: Ticket[]
    }>().tickets

  it('makes a ticket of a form POST that our API shows as the same report', async () => {
    const answer = await created(open311Form(owner.credential))
    expect(answer.service_request_id).toMatch(/^GX260213\d{4}$/)
    expect(answer.service_notice).toMatch(/验证码 [A-Z0-9]{6}/)
    // Friday 13 Feb 2026: the next working day is Saturday 14th, a make-up working day.
    expect(answer.service_notice).toContain('将于 2026-02-14 24:00 前受理')
    const summary = (await ownTickets(owner)).find((t) => t.number === answer.service_request_id)
    const ticket = (
      await app.inject({ url: `/api/tickets/${summary?.id}`, headers: owner.headers })
    ).json<Ticket>()
    expect(ticket).toMatchObject({
      status: 'submitted',
      category: 'complaint',
      title: '办理营业执照变更太慢',
      description: '办理营业执照变更太慢\n提交材料一个月了还没有结果。',
      business: { name: '青秀区小明便利店', creditCode: CREDIT_CODE, kind: 'individual' },
      contact: { name: '张小明', phone: PHONE },
      divisionCode: '450103',
      confidential: false,
    })
    expect(answer.service_notice).toContain(ticket.code)
    const [request] = expectOpen311<Request[]>(
      await getOpen311(app, `requests/${answer.service_request_id}.json`, {
        api_key: owner.credential,
      }),
      200,
      'requests.json',
    )
    expect(open311SchemaErrors('request.json', request)).toEqual([])
    expect(request).toEqual({
      service_request_id: ticket.number,
      status: 'open',
      status_notes: null,
      service_name: '投诉',
      service_code: 'complaint',
      description: ticket.description,
      agency_responsible: null,
      service_notice: '待受理 (submitted)',
      requested_datetime: '2026-02-13T10:00:00+08:00',
      updated_datetime: '2026-02-13T10:00:00+08:00',
      expected_datetime: ticket.due?.at,
      address: '广西壮族自治区南宁市青秀区',
      address_id: '450103',
    })
  })

  it('is idempotent with X-Idempotency-Key: the same key and form are the same ticket', async () => {
    const key = randomUUID()
    const form = open311Form(owner.credential, { service_code: 'help' })
    const first = await created(form, { 'x-idempotency-key': key })
    const again = expectOpen311<Created>(
      await postOpen311(app, form, { 'x-idempotency-key': key }),
      200,
      'request-created',
    )
    expect(again[0]?.service_request_id).toBe(first.service_request_id)
    // The key is the ticket's id on our API, as the app's report id is.
    const ticket = await app.inject({ url: `/api/tickets/${key}`, headers: owner.headers })
    expect(ticket.json<Ticket>().number).toBe(first.service_request_id)
    const changed = open311Form(owner.credential, { service_code: 'help', description: '另一件事' })
    expectOpen311Error(await postOpen311(app, changed, { 'x-idempotency-key': key }), 409)
    // Another owner's use of the key is a conflict that shows nothing of the ticket.
    const foreign = open311Form(other.credential, { service_code: 'help' })
    const [conflict] = expectOpen311Error(
      await postOpen311(app, foreign, { 'x-idempotency-key': key }),
      409,
    )
    expect(conflict?.description).not.toContain(first.service_request_id)
    const [badKey] = expectOpen311Error(
      await postOpen311(app, form, { 'x-idempotency-key': 'retry-1' }),
      400,
    )
    expect(badKey?.description).toContain('X-Idempotency-Key')
  })

  it('makes a new ticket of every POST without a key (documented: retries duplicate)', async () => {
    const form = open311Form(owner.credential, { service_code: 'suggestion' })
    const one = await created(form)
    const two = await created(form)
    expect(two.service_request_id).not.toBe(one.service_request_id)
  })

  it('refuses a form with fields at fault: 400, one Open311 error per field', async () => {
    const form = open311Form(owner.credential, {
      service_code: 'parking',
      phone: '12345',
      'attribute[credit_code]': 'not-a-code',
      'attribute[confidential]': 'maybe',
    })
    delete (form as Record<string, string>)['attribute[division_code]']
    const errors = expectOpen311Error(await postOpen311(app, form), 400)
    const described = errors.map((e) => e.description).join('\n')
    for (const field of [
      'service_code',
      'phone',
      'attribute[credit_code]',
      'attribute[confidential]',
      'attribute[division_code]',
    ]) {
      expect(described).toContain(field)
    }
    expect(errors).toHaveLength(5)
  })

  it('refuses a credit code failing its check unless credit_code_confirmed is true', async () => {
    const form = open311Form(owner.credential, {
      'attribute[credit_code]': '91450100MA5K00000C',
    })
    const [error] = expectOpen311Error(await postOpen311(app, form), 400)
    expect(error?.description).toContain('attribute[credit_code]')
    await created({ ...form, 'attribute[credit_code_confirmed]': 'true' })
  })

  it('reads the division from address_id when the attribute is absent', async () => {
    const form = open311Form(owner.credential, { address_id: '450202' })
    delete (form as Record<string, string>)['attribute[division_code]']
    const answer = await created(form)
    const [request] = (
      await getOpen311(app, `requests/${answer.service_request_id}.json`, {
        api_key: owner.credential,
      })
    ).json<Request[]>()
    expect(request).toMatchObject({ address_id: '450202', address: '广西壮族自治区柳州市城中区' })
  })

  it('answers a missing or unknown api_key with 403, for reads and writes', async () => {
    const form = open311Form(owner.credential)
    delete (form as Record<string, string>).api_key
    expectOpen311Error(await postOpen311(app, form), 403)
    expectOpen311Error(await postOpen311(app, { ...form, api_key: 'x'.repeat(43) }), 403)
    expectOpen311Error(await getOpen311(app, 'requests.json'), 403)
    expectOpen311Error(await getOpen311(app, 'requests.json', { api_key: 'nope' }), 403)
    expectOpen311Error(await getOpen311(app, 'requests/GX2602130001.json'), 403)
  })
})
