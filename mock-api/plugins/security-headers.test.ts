import { describe, expect, it } from 'vitest'
import { databases, useStore } from '../test/databases.js'
import { buildTestApp } from '../test/test-app.js'

const [sqlite] = databases
const HTTPS = { 'x-forwarded-proto': 'https' }

describe('HSTS', () => {
  const store = useStore(sqlite!)

  it('is sent only for requests that came over TLS through a trusted proxy', async () => {
    const proxied = await buildTestApp(store(), { env: { TRUST_PROXY: '1' } })
    const overTls = await proxied.inject({ url: '/api/health', headers: HTTPS })
    expect(overTls.headers['strict-transport-security']).toMatch(/^max-age=\d{7,}/)
    const plain = await proxied.inject({ url: '/api/health' })
    expect(plain.headers['strict-transport-security']).toBeUndefined()
    await proxied.close()

    const direct = await buildTestApp(store())
    const spoofed = await direct.inject({ url: '/api/health', headers: HTTPS })
    expect(spoofed.headers['strict-transport-security']).toBeUndefined()
    await direct.close()
  })

  it('comes with a permissions policy that allows only our own camera', async () => {
    const app = await buildTestApp(store())
    const res = await app.inject({ url: '/api/nope' })
    expect(res.headers['permissions-policy']).toContain('camera=(self)')
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'")
    await app.close()
  })

  it('carries the whole hardening set, also on errors', async () => {
    const app = await buildTestApp(store())
    for (const url of ['/api/health', '/api/nope']) {
      const res = await app.inject({ url })
      expect(res.headers, url).toMatchObject({
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-resource-policy': 'same-origin',
        'origin-agent-cluster': '?1',
        'referrer-policy': 'no-referrer',
        'x-content-type-options': 'nosniff',
        'x-dns-prefetch-control': 'off',
        'x-download-options': 'noopen',
        'x-frame-options': 'DENY',
        'x-permitted-cross-domain-policies': 'none',
        'x-xss-protection': '0',
      })
      expect(res.headers['content-security-policy'], url).toContain("object-src 'none'")
    }
    await app.close()
  })
})
