// The security headers on every kind of answer: API successes and errors (401, 404, 413, 415,
// 422, a real 500), the API's own pages, and the served PWA. Scripts only from our origin (no
// inline script), no framing, no sniffing, no referrer; HSTS only for TLS seen through a trusted
// proxy.
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { InjectOptions, LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BODY_LIMIT } from '../app.js'
import { fileStoreOf } from '../workflow/store-attachment.js'
import { upload } from '../test/attachment-fixtures.js'
import { databases, useStore } from '../test/databases.js'
import { plainJpeg } from '../test/image-fixtures.js'
import type { Device, OwnerTestApp } from '../test/owner-fixtures.js'
import { buildOwnerApp, newDevice, reportTicket } from '../test/owner-fixtures.js'

const HTTPS = { 'x-forwarded-proto': 'https' }

function expectSafeHeaders(res: LightMyRequestResponse, label: string) {
  const csp = String(res.headers['content-security-policy'])
  const directives = new Map(
    csp.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/)
      return [name, values] as const
    }),
  )
  expect(directives.get('script-src') ?? directives.get('default-src'), `${label}: ${csp}`).toEqual(
    [expect.stringMatching(/^'(self|none)'$/)],
  )
  expect(csp, label).not.toContain('unsafe-eval')
  expect(directives.get('frame-ancestors') ?? [], label).toEqual(
    directives.has('sandbox') ? [] : ["'none'"],
  )
  expect(res.headers['x-frame-options'], label).toBe('DENY')
  expect(res.headers['x-content-type-options'], label).toBe('nosniff')
  expect(res.headers['referrer-policy'], label).toBe('no-referrer')
  expect(res.headers['strict-transport-security'], label).toBeUndefined()
}

function writePwa(): string {
  const dist = mkdtempSync(join(tmpdir(), 'guishang-headers-'))
  mkdirSync(join(dist, 'assets'))
  writeFileSync(
    join(dist, 'index.html'),
    '<!doctype html><script type="module" src="/assets/a.js"></script>',
  )
  writeFileSync(join(dist, 'assets', 'a.js'), 'console.log(1)')
  return dist
}

describe.each(databases)('security headers on $name', (database) => {
  const store = useStore(database)
  let t: OwnerTestApp
  let owner: Device
  let dist: string
  let photoUrl: string
  beforeAll(async () => {
    dist = writePwa()
    t = await buildOwnerApp(store(), { STATIC_DIR: dist })
    owner = await newDevice(t.app)
    const ticket = await reportTicket(t.app, owner)
    const res = await upload(t.app, owner.headers, ticket.id, { file: await plainJpeg() })
    photoUrl = res.json<{ url: string }>().url
  })
  afterAll(async () => {
    await t.app.close()
    rmSync(dist, { recursive: true, force: true })
  })

  const json = { 'content-type': 'application/json' }
  const requests: readonly [number, InjectOptions][] = [
    [200, { url: '/api/health' }],
    [200, { url: '/api/docs/ui' }],
    [401, { url: '/api/tickets' }],
    [404, { url: '/api/nope' }],
    [
      413,
      { method: 'POST', url: '/api/reports', headers: json, payload: 'x'.repeat(BODY_LIMIT + 1) },
    ],
    [
      415,
      {
        method: 'POST',
        url: '/api/staff/session',
        payload: 'u=a',
        headers: { 'content-type': 'text/plain' },
      },
    ],
    [422, { method: 'POST', url: '/api/staff/session', payload: {} }],
    [200, { url: '/', headers: { accept: 'text/html' } }],
    [200, { url: '/tickets/123', headers: { accept: 'text/html' } }],
    [200, { url: '/assets/a.js' }],
  ]

  it('come with every answer, errors and the PWA included', async () => {
    for (const [status, request] of requests) {
      const res = await t.app.inject(request)
      const label = `${request.method ?? 'GET'} ${request.url as string}`
      expect(res.statusCode, label).toBe(status)
      expectSafeHeaders(res, label)
    }
    const photo = await t.app.inject({ url: photoUrl, headers: owner.headers })
    expect(photo.statusCode).toBe(200)
    expectSafeHeaders(photo, 'a photo')
    expect(photo.headers['content-security-policy']).toContain('sandbox')
  })

  it('come with a 500 too, whose details stay in the log', async () => {
    const rows = await store().db.selectFrom('attachments').select('sha256').execute()
    for (const { sha256 } of rows)
      unlinkSync(fileStoreOf({ config: { dataDir: store().config.dataDir } }).pathOf(sha256))
    const res = await t.app.inject({ url: photoUrl, headers: owner.headers })
    expect(res.statusCode).toBe(500)
    expect(res.body).not.toContain('missing from the data folder')
    expectSafeHeaders(res, 'a 500')
  })

  it('add HSTS only for TLS seen through a trusted proxy, on errors too', async () => {
    const proxied = await buildOwnerApp(store(), { TRUST_PROXY: '1' })
    for (const url of ['/api/health', '/api/nope', '/api/tickets']) {
      const overTls = await proxied.app.inject({ url, headers: HTTPS })
      expect(overTls.headers['strict-transport-security'], url).toMatch(/^max-age=(\d{8,}|3\d{7})/)
      const plain = await proxied.app.inject({ url })
      expect(plain.headers['strict-transport-security'], url).toBeUndefined()
    }
    await proxied.app.close()
    const spoofed = await t.app.inject({ url: '/api/health', headers: HTTPS })
    expect(spoofed.headers['strict-transport-security']).toBeUndefined()
  })
})
