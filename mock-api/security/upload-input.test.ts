// Bad uploads: scripts and pages disguised as photos by name and type, a file over 10 MB, bodies
// that are not the upload form. Each is a clear 4xx problem, leaves no row and no file behind,
// and the server keeps serving; the genuine photo then goes through.
import { randomUUID } from 'node:crypto'
import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { problemSchema } from '../contract.js'
import type { Part } from '../test/attachment-fixtures.js'
import { multipart, upload } from '../test/attachment-fixtures.js'
import { databases, useStore } from '../test/databases.js'
import { MAX_UPLOAD_BYTES } from '../workflow/attachment-problems.js'
import type { World } from './fixture-world.js'
import { buildWorld } from './fixture-world.js'
import { snapshot } from './store-snapshot.js'

const JPEG_START = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00])
const DISGUISED: readonly [string, Buffer, string][] = [
  ['a script named .jpg', Buffer.from('<script>alert(document.cookie)</script>'), 'evil.jpg'],
  ['a page named .png', Buffer.from('<!doctype html><h1>Pay here</h1>'), 'receipt.png'],
  ['PHP named .jpg', Buffer.from('<?php system($_GET["c"]); ?>'), 'shell.php.jpg'],
  [
    'an SVG with a script',
    Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    'logo.webp',
  ],
  [
    'a JPEG start with a script after it',
    Buffer.concat([JPEG_START, Buffer.from('<script>x</script>')]),
    'a.jpg',
  ],
]

describe.each(databases)('bad uploads on $name', (database) => {
  const store = useStore(database)
  let w: World
  beforeAll(async () => {
    w = await buildWorld(store(), { RATE_LIMITS: 'off' })
  })
  afterAll(() => w.app.close())

  const url = () => `/api/tickets/${w.tickets.open.id}/attachments`

  async function refused(
    send: () => Promise<LightMyRequestResponse>,
    statuses: number[],
    label: string,
  ) {
    const before = await snapshot(store())
    const res = await send()
    expect(statuses, `${label}: ${res.statusCode} ${res.body}`).toContain(res.statusCode)
    expect(res.headers['content-type'], label).toMatch(/^application\/problem\+json/)
    const problem = problemSchema.parse(res.json())
    expect(problem.message?.zh && problem.message.en, label).toBeTruthy()
    expect(await snapshot(store()), label).toEqual(before)
    expect((await w.app.inject({ url: '/api/health' })).statusCode, label).toBe(200)
    return problem
  }

  const send = (parts: readonly Part[]) => () => {
    const body = multipart(parts)
    return w.app.inject({
      method: 'POST',
      url: url(),
      headers: { ...w.owners.owner.headers, ...body.headers },
      payload: body.payload,
    })
  }

  it('refuses anything that is not a whole photo, whatever its name and type say', async () => {
    for (const [label, file, filename] of DISGUISED) {
      const sent = () =>
        upload(w.app, w.owners.owner.headers, w.tickets.open.id, {
          file,
          filename,
          type: 'image/jpeg',
        })
      const problem = await refused(sent, [415, 422], label)
      expect([
        'urn:guishang:problem:unsupported_file',
        'urn:guishang:problem:unreadable_image',
      ]).toContain(problem.type)
    }
    const script = DISGUISED[0]?.[1] ?? Buffer.alloc(0)
    const problem = await refused(
      () => upload(w.app, w.owners.owner.headers, w.tickets.open.id, { file: script }),
      [415],
      'the script',
    )
    expect(problem.type).toBe('urn:guishang:problem:unsupported_file')
  })

  it('refuses a file over 10 MB while it streams in', async () => {
    const file = Buffer.concat([JPEG_START, Buffer.alloc(MAX_UPLOAD_BYTES)])
    const problem = await refused(
      () => upload(w.app, w.owners.owner.headers, w.tickets.open.id, { file }),
      [413],
      'over 10 MB',
    )
    expect(problem.type).toBe('urn:guishang:problem:file_too_large')
  })

  it('refuses a body that is not the upload form', async () => {
    const headers = w.owners.owner.headers
    const json = () =>
      w.app.inject({ method: 'POST', url: url(), headers, payload: { id: randomUUID() } })
    await refused(json, [415], 'JSON instead of multipart')
    const photo = { name: 'file', filename: 'a.jpg', type: 'image/jpeg', data: w.jpeg }
    const noFile = await refused(send([{ name: 'id', value: randomUUID() }]), [422], 'no file')
    expect(noFile.errors).toContainEqual({ field: 'file', code: 'required' })
    const badId = await refused(send([{ name: 'id', value: '<script>' }, photo]), [422], 'bad id')
    expect(badId.errors?.map((error) => error.field)).toContain('id')
    const two = await refused(
      send([{ name: 'id', value: randomUUID() }, photo, photo]),
      [422],
      'two files',
    )
    expect(two.errors).toContainEqual({ field: 'file', code: 'one_file_only' })
  })

  // A phone that loses its connection mid-upload, or a client that forgets the boundary: the
  // parser's own error must become a 400 problem, not an unhandled 500, and leave nothing behind.
  it.each([
    ['the owner upload', 'owner'],
    ['the staff upload', 'unitNanning'],
  ] as const)('refuses a broken multipart body on %s with 400', async (_, party) => {
    const url =
      party === 'owner'
        ? `/api/tickets/${w.tickets.open.id}/attachments`
        : `/api/staff/tickets/${w.tickets.handling.id}/attachments`
    const credentials =
      party === 'owner'
        ? { headers: w.owners.owner.headers }
        : { headers: { 'sec-fetch-site': 'same-origin' }, cookies: w.cookies.unitNanning }
    const whole = multipart([
      { name: 'id', value: randomUUID() },
      { name: 'file', filename: 'a.jpg', type: 'image/jpeg', data: w.jpeg },
    ])
    const post = (contentType: string, payload: Buffer) => () =>
      w.app.inject({
        method: 'POST',
        url,
        ...credentials,
        headers: { ...credentials.headers, 'content-type': contentType },
        payload,
      })
    const type = whole.headers['content-type']
    const cut = whole.payload.subarray(0, Math.floor(whole.payload.length / 2))
    for (const [label, send] of [
      ['cut off mid-part', post(type, cut)],
      ['cut off in the part headers', post(type, whole.payload.subarray(0, 60))],
      ['no boundary', post('multipart/form-data', whole.payload)],
      ['an empty boundary', post('multipart/form-data; boundary=', whole.payload)],
    ] as const) {
      const problem = await refused(send, [400], label)
      expect(problem.type, label).toBe('urn:guishang:problem:bad_multipart')
    }
  })

  it('still takes the genuine photo', async () => {
    const res = await upload(w.app, w.owners.owner.headers, w.tickets.open.id, { file: w.jpeg })
    expect(res.statusCode, res.body).toBe(201)
  })
})
