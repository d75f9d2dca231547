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

  // The router refuses these before any hook runs: Fastify answered in its own JSON, echoing
  // the URL, with no security headers.
  it('come with the router’s own refusals too, as problems that never echo the URL', async () => {
    // Without the PWA's catch-all route, as the API runs behind a separate web server.
    const api = await buildOwnerApp(store())
    const marker = 'zz%3Cscript%3Ealert'
    for (const [status, type, url, echo] of [
      [414, 'uri_too_long', `/api/tickets/${'x'.repeat(200)}`, 'xxxxxxxx'],
      [414, 'uri_too_long', `/api/receipts/${'Q'.repeat(300)}?code=1`, 'QQQQQQQQ'],
      [400, 'bad_request', `/api/tickets/%E0%A4%A${marker}`, 'script'],
      [400, 'bad_request', `/api/nope/%zz${marker}`, 'script'],
      [404, 'not_found', `/api/nope/${marker}`, 'script'],
    ] as const) {
      const res = await api.app.inject({ url })
      const label = `${status} ${url.slice(0, 40)}`
      expect(res.statusCode, label).toBe(status)
      expectSafeHeaders(res, label)
      expect(res.headers['content-type'], label).toMatch(/^application\/problem\+json/)
      expect(res.headers['cache-control'], label).toBe('no-store')
      expect(res.json(), label).toMatchObject({ type: `urn:guishang:problem:${type}`, status })
      expect(res.body, label).not.toContain(echo)
      expect(res.body, label).not.toContain('/api/')
    }
    await api.app.close()
  })

  // Tickets carry names and phone numbers: no browser, proxy or service worker may keep them.
  it('say no-store on every JSON answer, personal data or problem', async () => {
    const ticket = await reportTicket(t.app, owner)
    for (const [label, request] of [
      ['my tickets', { url: '/api/tickets', headers: owner.headers }],
      ['my ticket', { url: `/api/tickets/${ticket.id}`, headers: owner.headers }],
      ['a receipt', { url: `/api/receipts/${ticket.number}?code=${ticket.code}` }],
      ['a new device', { method: 'POST' as const, url: '/api/devices' }],
      ['health', { url: '/api/health' }],
      ['a 401', { url: '/api/tickets' }],
      ['a 422', { method: 'POST' as const, url: '/api/staff/session', payload: {} }],
    ] as const) {
      const res = await t.app.inject(request)
      expect(res.statusCode, label).toBeLessThan(500)
      expect(res.headers['content-type'], label).toMatch(/^application\/(problem\+)?json/)
      expect(res.headers['cache-control'], label).toBe('no-store')
    }
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
