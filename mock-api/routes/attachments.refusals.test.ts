import { randomUUID } from 'node:crypto'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { problemSchema } from '../contract.js'
import { multipart, storedState, upload } from '../test/attachment-fixtures.js'
import { databases, useStore } from '../test/databases.js'
import { plainJpeg, solid } from '../test/image-fixtures.js'
import type { Device } from '../test/owner-fixtures.js'
import { buildOwnerApp, newDevice, reportTicket } from '../test/owner-fixtures.js'

const TEN_MB = 10 * 1024 * 1024

const expectProblem = (res: LightMyRequestResponse, status: number, code: string) => {
  expect(res.statusCode, res.body).toBe(status)
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
  const problem = problemSchema.parse(res.json())
  expect(problem.type).toBe(`urn:guishang:problem:${code}`)
  expect(problem.message?.zh).toMatch(/\p{Script=Han}/u)
  expect(problem.message?.en).toMatch(/[a-z]/)
  return problem
}

describe.each(databases)('refused uploads store nothing, on $name', (database) => {
  const store = useStore(database)
  let app: FastifyInstance
  let owner: Device
  let ticketId: string

  beforeAll(async () => {
    ;({ app } = await buildOwnerApp(store()))
    owner = await newDevice(app)
    ticketId = (await reportTicket(app, owner)).id
  })
  afterAll(async () => app.close())

  /** Runs `send` and checks that it left no attachment row and no file behind. */
  const refused = async (send: () => Promise<LightMyRequestResponse>) => {
    const before = await storedState(store())
    const res = await send()
    expect(await storedState(store())).toEqual(before)
    const health = await app.inject({ method: 'GET', url: '/api/health' })
    expect(health.statusCode).toBe(200)
    return res
  }

  it('413 for a file of 10 MB and one byte, with a clear message', async () => {
    const huge = Buffer.alloc(TEN_MB + 1, 0x41)
    huge.set(await plainJpeg())
    const res = await refused(() => upload(app, owner.headers, ticketId, { file: huge }))
    const problem = expectProblem(res, 413, 'file_too_large')
    expect(problem.message?.en).toMatch(/10 MB/)
  })

  it.each([
    ['a script named photo.jpg', Buffer.from('<script>alert(document.cookie)</script>')],
    [
      'JPEG magic bytes followed by a script',
      Buffer.from('\xff\xd8\xff\xe0<script>alert(1)</script>', 'latin1'),
    ],
    [
      'an SVG',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    ],
    ['a PDF', Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')],
  ])('415 unsupported_file for %s', async (_, file) => {
    const res = await refused(() => upload(app, owner.headers, ticketId, { file }))
    expectProblem(res, 415, 'unsupported_file')
  })

  it('415 for a GIF and for a truncated JPEG', async () => {
    const gif = await solid({ r: 1, g: 2, b: 3 }).gif().toBuffer()
    const jpeg = await plainJpeg(200, 100)
    for (const file of [gif, jpeg.subarray(0, jpeg.length >> 1)]) {
      const res = await refused(() =>
        upload(app, owner.headers, ticketId, { file, type: 'image/jpeg' }),
      )
      expectProblem(res, 415, 'unsupported_file')
    }
  })

  it('422 unreadable_image for a whole-looking JPEG that does not decode', async () => {
    const jpeg = Buffer.from(await plainJpeg())
    jpeg.writeUInt16BE(0, jpeg.indexOf(Buffer.from([0xff, 0xc0])) + 5)
    const res = await refused(() => upload(app, owner.headers, ticketId, { file: jpeg }))
    expectProblem(res, 422, 'unreadable_image')
  })

  it('422 naming the field for a missing or malformed id, a missing file or two files', async () => {
    const file = await plainJpeg()
    const jpeg = { name: 'file', filename: 'a.jpg', type: 'image/jpeg', data: file }
    const cases = [
      [[jpeg], 'id'],
      [[{ name: 'id', value: 'not-a-uuid' }, jpeg], 'id'],
      [[{ name: 'id', value: randomUUID() }], 'file'],
      [[{ name: 'id', value: randomUUID() }, jpeg, { ...jpeg, filename: 'b.jpg' }], 'file'],
    ] as const
    for (const [parts, field] of cases) {
      const body = multipart(parts)
      const res = await refused(() =>
        app.inject({
          method: 'POST',
          url: `/api/tickets/${ticketId}/attachments`,
          headers: { ...owner.headers, ...body.headers },
          payload: body.payload,
        }),
      )
      expect(res.statusCode, res.body).toBe(422)
      expect(problemSchema.parse(res.json()).errors?.map((e) => e.field)).toEqual([field])
    }
  })

  it('415 for a JSON body and 401 without a credential', async () => {
    const json = await refused(() =>
      app.inject({
        method: 'POST',
        url: `/api/tickets/${ticketId}/attachments`,
        headers: owner.headers,
        payload: { id: randomUUID(), file: 'aGVsbG8=' },
      }),
    )
    expect(json.statusCode).toBe(415)
    const anonymous = await refused(() => upload(app, {}, ticketId, { file: Buffer.from('x') }))
    expect(anonymous.statusCode).toBe(401)
  })

  it('replays the same id and bytes as 200, and refuses the id with other bytes or ticket', async () => {
    const id = randomUUID()
    const photo = await plainJpeg(40, 20)
    const first = await upload(app, owner.headers, ticketId, { id, file: photo })
    expect(first.statusCode, first.body).toBe(201)

    const again = await refused(() => upload(app, owner.headers, ticketId, { id, file: photo }))
    expect(again.statusCode).toBe(200)
    expect(again.json()).toEqual(first.json())

    const otherBytes = await plainJpeg(40, 22)
    const changed = await refused(() =>
      upload(app, owner.headers, ticketId, { id, file: otherBytes }),
    )
    expectProblem(changed, 409, 'attachment_conflict')

    const secondTicket = (await reportTicket(app, owner)).id
    const moved = await refused(() => upload(app, owner.headers, secondTicket, { id, file: photo }))
    expectProblem(moved, 409, 'attachment_conflict')
  })

  it('takes nine photos on a ticket and refuses the tenth with 409', async () => {
    const full = (await reportTicket(app, owner)).id
    for (let i = 0; i < 9; i++) {
      const file = await solid({ r: i * 20, g: 100, b: 50 })
        .png()
        .toBuffer()
      const res = await upload(app, owner.headers, full, { file })
      expect(res.statusCode, res.body).toBe(201)
    }
    const tenth = await solid({ r: 250, g: 0, b: 0 }).png().toBuffer()
    const res = await refused(() => upload(app, owner.headers, full, { file: tenth }))
    expectProblem(res, 409, 'too_many_attachments')
  })

  it('refuses photos on a withdrawn ticket with 409, yet still replays an earlier upload', async () => {
    const ticket = (await reportTicket(app, owner)).id
    const id = randomUUID()
    const photo = await sharp(await plainJpeg())
      .png()
      .toBuffer()
    expect((await upload(app, owner.headers, ticket, { id, file: photo })).statusCode).toBe(201)
    const withdraw = await app.inject({
      method: 'POST',
      url: `/api/tickets/${ticket}/withdraw`,
      headers: owner.headers,
      payload: { id: randomUUID() },
    })
    expect(withdraw.json<{ status: string }>().status).toBe('withdrawn')

    const late = await plainJpeg()
    const res = await refused(() => upload(app, owner.headers, ticket, { file: late }))
    expectProblem(res, 409, 'ticket_closed')
    const replay = await refused(() => upload(app, owner.headers, ticket, { id, file: photo }))
    expect(replay.statusCode).toBe(200)
  })
})
