// A request made through Open311 is an ordinary ticket: the staff move it with the console's
// routes, the owner rates it in the app, and Open311 follows it to `closed`.
import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StaffEvent, Ticket } from '../../contract.js'
import { databases, useStore } from '../../test/databases.js'
import type { Device } from '../../test/owner-fixtures.js'
import { buildOwnerApp, newDevice } from '../../test/owner-fixtures.js'
import { expectOpen311, getOpen311, open311Form, postOpen311 } from '../../test/open311-fixtures.js'
import { seedStaff, signIn } from '../../test/staff-fixtures.js'
import type { TestClock } from '../../test/test-app.js'

type Request = Record<string, unknown> & { service_request_id: string }

describe.each(databases)('an Open311 request through the staff workflow on $name', (database) => {
  const store = useStore(database)
  let app: FastifyInstance
  let clock: TestClock
  let owner: Device
  const cookies: Record<string, Record<string, string>> = {}

  beforeAll(async () => {
    await seedStaff(store())
    ;({ app, clock } = await buildOwnerApp(store()))
    owner = await newDevice(app)
    for (const username of ['desk.nanning', 'unit.nanning.amr']) {
      cookies[username] = await signIn(app, username)
    }
  })
  afterAll(() => app.close())

  const open311View = async (number: string) => {
    const res = await getOpen311(app, `requests/${number}.json`, { api_key: owner.credential })
    const [request] = expectOpen311<Request[]>(res, 200, 'requests.json')
    const listed = expectOpen311<Request[]>(
      await getOpen311(app, 'requests.json', { api_key: owner.credential }),
      200,
      'requests.json',
    )
    expect(listed).toContainEqual(request)
    return request
  }
  const ownerView = async (id: string) =>
    (await app.inject({ url: `/api/tickets/${id}`, headers: owner.headers })).json<Ticket>()
  const latestNote = (ticket: Ticket) =>
    ticket.history.findLast((entry) => entry.note !== null)?.note ?? null
  const staff = async (id: string, username: string, event: StaffEvent) => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/staff/tickets/${id}/events`,
      cookies: cookies[username],
      payload: event,
    })
    expect(res.statusCode, `${event.type}: ${res.body}`).toBe(200)
  }

  it('is the same ticket on our API, moves through the workflow and shows closed', async () => {
    const key = randomUUID()
    const posted = await postOpen311(app, open311Form(owner.credential), {
      'x-idempotency-key': key,
    })
    const [{ service_request_id: number }] = expectOpen311<[Request]>(
      posted,
      201,
      'request-created',
    )
    const desk = await app.inject({
      url: `/api/staff/tickets/${key}`,
      cookies: cookies['desk.nanning'],
    })
    expect(desk.json<{ number: string; status: string }>()).toMatchObject({
      number,
      status: 'submitted',
    })

    const steps: [string, StaffEvent, string][] = [
      ['desk.nanning', { type: 'accept' }, '已受理 (accepted)'],
      ['desk.nanning', { type: 'dispatch', leadUnitId: 'nanning-amr' }, '已分派 (dispatched)'],
      ['unit.nanning.amr', { type: 'sign' }, '办理中 (in_progress)'],
      [
        'unit.nanning.amr',
        { type: 'contact', channel: 'phone', summary: '电话联系了张先生' },
        '办理中 (in_progress)',
      ],
      [
        'unit.nanning.amr',
        { type: 'reply', reply: '变更登记已办结。' },
        '答复审核中 (reply_review)',
      ],
      ['desk.nanning', { type: 'approve_reply' }, '已答复 (replied)'],
    ]
    for (const [username, event, notice] of steps) {
      await staff(key, username, event)
      const [request, ticket] = [await open311View(number), await ownerView(key)]
      expect(request, event.type).toMatchObject({
        status: 'open',
        service_notice: notice,
        status_notes: latestNote(ticket),
        expected_datetime: ticket.due?.at ?? null,
        agency_responsible: event.type === 'accept' ? null : '南宁市市场监督管理局',
      })
    }

    // A late retry of the POST is the same ticket, and promises no acceptance deadline any more.
    const replay = await postOpen311(app, open311Form(owner.credential), {
      'x-idempotency-key': key,
    })
    const [again] = expectOpen311<[Request]>(replay, 200, 'request-created')
    expect(again).toMatchObject({ service_request_id: number })
    expect(again.service_notice).not.toMatch(/受理。|to be accepted/)

    clock.set(new Date('2026-02-16T03:00:00.000Z'))
    const rated = await app.inject({
      method: 'POST',
      url: `/api/tickets/${key}/rating`,
      headers: owner.headers,
      payload: { id: randomUUID(), resolved: 'yes', satisfaction: 'satisfied' },
    })
    expect(rated.json<Ticket>().status).toBe('closed')
    expect(await open311View(number)).toMatchObject({
      service_request_id: number,
      status: 'closed',
      service_notice: '已办结 (closed)',
      status_notes: '变更登记已办结。',
      expected_datetime: null,
      agency_responsible: '南宁市市场监督管理局',
      requested_datetime: '2026-02-13T10:00:00+08:00',
      updated_datetime: '2026-02-16T11:00:00+08:00',
    })
    const closed = await getOpen311(app, 'requests.json', {
      api_key: owner.credential,
      status: 'closed',
    })
    expect(closed.json<Request[]>().map((r) => r.service_request_id)).toEqual([number])
  })
})
