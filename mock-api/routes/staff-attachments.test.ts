import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { attachmentSchema, problemSchema, staffTicketSchema, ticketSchema } from '../contract.js'
import { multipart } from '../test/attachment-fixtures.js'
import { databases, useStore } from '../test/databases.js'
import { plainJpeg } from '../test/image-fixtures.js'
import type { Device } from '../test/owner-fixtures.js'
import { buildOwnerApp, newDevice, reportTicket } from '../test/owner-fixtures.js'
import { advance, seedStaff, signIn } from '../test/staff-fixtures.js'

const DISPATCHED = [
  [{ type: 'accept' }, 'desk.nanning'],
  [{ type: 'dispatch', leadUnitId: 'nanning-amr' }, 'desk.nanning'],
] as const
const HANDLING = [...DISPATCHED, [{ type: 'sign' }, 'unit.nanning.amr']] as const

describe.each(databases)('a unit’s reply files on $name', (database) => {
  const store = useStore(database)
  let app: FastifyInstance
  let owner: Device
  let jpeg: Buffer
  const cookies: Record<string, Record<string, string>> = {}

  beforeAll(async () => {
    await seedStaff(store())
    app = (await buildOwnerApp(store())).app
    owner = await newDevice(app)
    jpeg = await plainJpeg()
    for (const username of ['desk.nanning', 'unit.nanning.amr', 'unit.liuzhou.amr']) {
      cookies[username] = await signIn(app, username)
    }
  })
  afterAll(() => app.close())

  const uploadAs = (username: string, ticketId: string, headers = {}) => {
    const body = multipart([
      { name: 'id', value: crypto.randomUUID() },
      { name: 'file', filename: 'letter.jpg', type: 'image/jpeg', data: jpeg },
    ])
    return app.inject({
      method: 'POST',
      url: `/api/staff/tickets/${ticketId}/attachments`,
      cookies: cookies[username],
      headers: { ...body.headers, 'sec-fetch-site': 'same-origin', ...headers },
      payload: body.payload,
    })
  }
  const ownerView = async (ticketId: string) =>
    ticketSchema.parse(
      (await app.inject({ url: `/api/tickets/${ticketId}`, headers: owner.headers })).json(),
    )
  const ownerFetch = (url: string) => app.inject({ url, headers: owner.headers })

  it('lets the handling unit attach a photo, shown to the owner only with the approved reply', async () => {
    const { id } = await reportTicket(app, owner)
    await advance(store().db, id, HANDLING)
    const res = await uploadAs('unit.nanning.amr', id)
    expect(res.statusCode, res.body).toBe(201)
    const file = attachmentSchema.parse(res.json())
    expect(file).toMatchObject({ ticketId: id, uploadedBy: 'unit', mime: 'image/jpeg' })

    const staffView = await app.inject({
      url: `/api/staff/tickets/${id}`,
      cookies: cookies['desk.nanning'],
    })
    const { attachments } = staffTicketSchema.parse(staffView.json())
    expect(attachments?.map((a) => a.id)).toEqual([file.id])
    expect((await ownerView(id)).attachments).toEqual([])
    expect((await ownerFetch(file.url)).statusCode).toBe(404)
    expect((await ownerFetch(`/api/tickets/${id}/attachments`)).json().attachments).toEqual([])

    await advance(store().db, id, [
      [{ type: 'contact', channel: 'phone', summary: '已电话联系。' }, 'unit.nanning.amr'],
      [{ type: 'reply', reply: '已核实并办结，见附件回执。' }, 'unit.nanning.amr'],
    ])
    expect((await ownerView(id)).attachments).toEqual([])
    await advance(store().db, id, [[{ type: 'approve_reply' }, 'desk.nanning']])

    const approved = await ownerView(id)
    expect(approved.reply).toBe('已核实并办结，见附件回执。')
    expect(approved.attachments?.map((a) => a.id)).toEqual([file.id])
    const fetched = await ownerFetch(file.url)
    expect(fetched.statusCode).toBe(200)
    expect(fetched.headers['content-type']).toBe('image/jpeg')
    expect((await ownerFetch(`${file.url}/thumbnail`)).statusCode).toBe(200)
  })

  it('refuses other roles, other cities, tickets not in progress and cross-site posts', async () => {
    const { id } = await reportTicket(app, owner)
    await advance(store().db, id, DISPATCHED)
    const early = await uploadAs('unit.nanning.amr', id)
    expect(early.statusCode).toBe(409)
    expect(problemSchema.parse(early.json()).type).toBe('urn:guishang:problem:not_handling')

    await advance(store().db, id, [[{ type: 'sign' }, 'unit.nanning.amr']])
    expect((await uploadAs('desk.nanning', id)).statusCode).toBe(403)
    expect((await uploadAs('unit.liuzhou.amr', id)).statusCode).toBe(404)
    const crossSite = await uploadAs('unit.nanning.amr', id, {
      'sec-fetch-site': 'cross-site',
      origin: 'https://evil.example',
    })
    expect(crossSite.statusCode).toBe(415)
    const stored = await store()
      .db.selectFrom('attachments')
      .select('id')
      .where('ticket_id', '=', id)
      .execute()
    expect(stored).toEqual([])
  })
})
