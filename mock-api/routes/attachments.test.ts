import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { FastifyInstance } from 'fastify'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { staffTicketSchema, ticketSchema } from '../contract.js'
import { createFileStore } from '../files/file-store.js'
import { storedFiles, storedState, upload } from '../test/attachment-fixtures.js'
import { databases, useStore } from '../test/databases.js'
import { HEIC_SAMPLE, gpsTags, jpegWithEverything, plainJpeg } from '../test/image-fixtures.js'
import type { Device } from '../test/owner-fixtures.js'
import { newDevice, reportTicket } from '../test/owner-fixtures.js'
import { seedStaff, signIn, staffActor } from '../test/staff-fixtures.js'
import { buildTestApp } from '../test/test-app.js'
import { attachmentListSchema, attachmentSchema } from '../contract.js'

describe.each(databases)('photo attachments, on $name', (database) => {
  const store = useStore(database)
  let app: FastifyInstance
  let owner: Device
  let other: Device
  let ticketId: string
  let photoId: string
  const staff: Record<string, Record<string, string>> = {}
  const base = () => `/api/tickets/${ticketId}/attachments`

  beforeAll(async () => {
    await seedStaff(store())
    app = await buildTestApp(store())
    owner = await newDevice(app)
    other = await newDevice(app)
    ticketId = (await reportTicket(app, owner, { divisionCode: '450103' })).id
    for (const username of ['desk.nanning', 'desk.liuzhou', 'unit.liuzhou.amr', 'admin']) {
      staff[username] = await signIn(app, username)
    }
  })
  afterAll(async () => app.close())

  it('stores a phone photo without EXIF or GPS, upright, and gives it back to the owner', async () => {
    const photo = await jpegWithEverything(64, 32)
    expect(gpsTags(photo)).not.toEqual([])
    photoId = randomUUID()

    const res = await upload(app, owner.headers, ticketId, { id: photoId, file: photo })

    expect(res.statusCode, res.body).toBe(201)
    const json = attachmentSchema.parse(res.json())
    expect(json).toMatchObject({ id: photoId, ticketId, mime: 'image/jpeg', width: 32, height: 64 })
    expect(json.uploadedBy).toBe('owner')
    expect(res.headers.location).toBe(`${base()}/${photoId}`)
    const row = await store()
      .db.selectFrom('attachments')
      .selectAll()
      .where('id', '=', photoId)
      .executeTakeFirstOrThrow()
    const onDisk = readFileSync(createFileStore(store().config.dataDir).pathOf(row.sha256))
    expect(onDisk.includes(Buffer.from('Exif\0\0', 'latin1'))).toBe(false)
    expect(gpsTags(onDisk)).toEqual([])
    expect(Number(row.size)).toBe(onDisk.length)

    const file = await app.inject({ method: 'GET', url: json.url, headers: owner.headers })
    expect(file.statusCode).toBe(200)
    expect(file.rawPayload.equals(onDisk)).toBe(true)
    expect(file.headers).toMatchObject({
      'content-type': 'image/jpeg',
      'x-content-type-options': 'nosniff',
      'content-disposition': `inline; filename="${photoId}.jpg"`,
      'content-length': String(onDisk.length),
    })
    expect(file.headers['cache-control']).toMatch(/^private, max-age=\d+, immutable$/)
    expect(file.headers['content-security-policy']).toMatch(/^default-src 'none'/)
    expect((await sharp(file.rawPayload).metadata()).exif).toBeUndefined()
  })

  it('serves a WebP thumbnail of at most 320 px', async () => {
    const big = await sharp(await plainJpeg(1200, 800)).toBuffer()
    const res = await upload(app, owner.headers, ticketId, { file: big })
    const { thumbnailUrl } = attachmentSchema.parse(res.json())

    const thumb = await app.inject({
      method: 'GET',
      url: thumbnailUrl ?? '',
      headers: owner.headers,
    })

    expect(thumb.statusCode).toBe(200)
    expect(thumb.headers['content-type']).toBe('image/webp')
    expect(thumb.headers['x-content-type-options']).toBe('nosniff')
    const meta = await sharp(thumb.rawPayload).metadata()
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 320, 213])
  })

  it('turns a HEIC sent as "photo.jpg" into a JPEG, by content', async () => {
    const res = await upload(app, owner.headers, ticketId, { file: HEIC_SAMPLE })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({ mime: 'image/jpeg', width: 64, height: 40 })
  })

  it('stores identical content once, under two attachments', async () => {
    const photo = await plainJpeg(48, 48)
    const first = await upload(app, owner.headers, ticketId, { file: photo })
    const filesAfterFirst = storedFiles(store())
    const second = await upload(app, owner.headers, ticketId, { file: photo })
    expect([first.statusCode, second.statusCode]).toEqual([201, 201])
    expect(storedFiles(store())).toEqual(filesAfterFirst)
    const rows = await store()
      .db.selectFrom('attachments')
      .select('sha256')
      .where('id', 'in', [first.json<{ id: string }>().id, second.json<{ id: string }>().id])
      .execute()
    expect(new Set(rows.map((row) => row.sha256)).size).toBe(1)
  })

  it('lists the attachments for the owner, also in the ticket view', async () => {
    const list = await app.inject({ method: 'GET', url: base(), headers: owner.headers })
    expect(list.statusCode).toBe(200)
    const { attachments } = attachmentListSchema.parse(list.json())
    expect(attachments.map((a) => a.id)).toContain(photoId)
    expect(attachments).toHaveLength(5)

    const view = await app.inject({
      method: 'GET',
      url: `/api/tickets/${ticketId}`,
      headers: owner.headers,
    })
    const ticket = ticketSchema.parse(view.json())
    expect(ticket.attachments?.map((a) => a.id)).toEqual(attachments.map((a) => a.id))
  })

  it('answers another owner 404 everywhere and stores nothing for them', async () => {
    const before = await storedState(store())
    const urls = [base(), `${base()}/${photoId}`, `${base()}/${photoId}/thumbnail`]
    for (const url of urls) {
      const res = await app.inject({ method: 'GET', url, headers: other.headers })
      expect(res.statusCode, url).toBe(404)
    }
    const res = await upload(app, other.headers, ticketId, { file: await plainJpeg() })
    expect(res.statusCode).toBe(404)
    expect(await storedState(store())).toEqual(before)
  })

  it('lets the desk of the ticket read the photo, and audits the read', async () => {
    const cookies = staff['desk.nanning']
    const list = await app.inject({ method: 'GET', url: base(), cookies })
    expect(list.statusCode).toBe(200)
    const file = await app.inject({ method: 'GET', url: `${base()}/${photoId}`, cookies })
    expect(file.statusCode).toBe(200)
    expect(file.headers['content-type']).toBe('image/jpeg')
    const view = await app.inject({ method: 'GET', url: `/api/staff/tickets/${ticketId}`, cookies })
    const ticket = staffTicketSchema.parse(view.json())
    expect(ticket.attachments?.map((a) => a.id)).toContain(photoId)
    const { id } = await staffActor(store().db, 'desk.nanning')
    const audit = await store()
      .db.selectFrom('audit_log')
      .selectAll()
      .where('staff_id', '=', id ?? '')
      .where('ticket_id', '=', ticketId)
      .where('action', '=', 'read_attachment')
      .execute()
    expect(audit.map((row) => JSON.parse(row.detail ?? '{}') as unknown)).toContainEqual({
      attachmentId: photoId,
    })
  })

  it.each(['desk.liuzhou', 'unit.liuzhou.amr', 'admin'])(
    'answers %s (out of scope) as if nothing were there',
    async (username) => {
      const urls = [base(), `${base()}/${photoId}`, `${base()}/${photoId}/thumbnail`]
      for (const url of urls) {
        const res = await app.inject({ method: 'GET', url, cookies: staff[username] })
        expect(res.statusCode, url).toBe(404)
      }
    },
  )

  it('asks for a credential when none is sent, and finds no attachment on another ticket', async () => {
    expect((await app.inject({ method: 'GET', url: `${base()}/${photoId}` })).statusCode).toBe(401)
    const otherTicket = (await reportTicket(app, owner)).id
    const res = await app.inject({
      method: 'GET',
      url: `/api/tickets/${otherTicket}/attachments/${photoId}`,
      headers: owner.headers,
    })
    expect(res.statusCode).toBe(404)
  })
})
