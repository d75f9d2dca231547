import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CATEGORIES } from '../../contract.js'
import { SECURITY_HEADERS } from '../../plugins/security-headers.js'
import { databases, useStore } from '../../test/databases.js'
import { expectOpen311, expectOpen311Error, getOpen311 } from '../../test/open311-fixtures.js'
import { buildTestApp } from '../../test/test-app.js'

type Service = { service_code: string; service_name: string; description: string }
type Definition = {
  service_code: string
  attributes: { code: string; required: boolean; values?: { key: string; name: string }[] }[]
}

describe.each(databases)('Open311 discovery and services on $name', (database) => {
  const store = useStore(database)
  let app: FastifyInstance
  beforeAll(async () => {
    app = await buildTestApp(store(), { env: { PUBLIC_URL: 'https://gsm.example.cn' } })
  })
  afterAll(() => app.close())

  it('describes the endpoint at discovery.json, at the public origin', async () => {
    const discovery = expectOpen311<{ endpoints: { url: string; formats: string[] }[] }>(
      await getOpen311(app, 'discovery.json'),
      200,
      'discovery',
    )
    expect(discovery.endpoints).toEqual([
      expect.objectContaining({
        url: 'https://gsm.example.cn/open311/v2',
        formats: ['application/json'],
      }),
    ])
  })

  it('lists the five categories as realtime services with metadata, Chinese names first', async () => {
    const services = expectOpen311<Service[]>(
      await getOpen311(app, 'services.json'),
      200,
      'services.json',
    )
    expect(services.map((s) => s.service_code)).toEqual([...CATEGORIES])
    expect(services).toContainEqual(
      expect.objectContaining({
        service_code: 'complaint',
        service_name: '投诉',
        metadata: true,
        type: 'realtime',
        description: expect.stringMatching(/^Complaint/) as string,
      }),
    )
    const withJurisdiction = await getOpen311(app, 'services.json', { jurisdiction_id: '450000' })
    expect(withJurisdiction.json()).toEqual(services)
  })

  it('defines the attributes a report needs for every service', async () => {
    for (const code of CATEGORIES) {
      const definition = expectOpen311<Definition>(
        await getOpen311(app, `services/${code}.json`),
        200,
        'service-definition.json',
      )
      expect(definition.service_code).toBe(code)
      const required = definition.attributes.filter((a) => a.required).map((a) => a.code)
      expect(required).toEqual(['business_name', 'credit_code', 'business_kind', 'division_code'])
      expect(definition.attributes.map((a) => a.code)).toContain('confidential')
      const divisions = definition.attributes.find((a) => a.code === 'division_code')?.values
      expect(divisions).toContainEqual({ key: '450103', name: '广西壮族自治区南宁市青秀区' })
      expect(divisions).toContainEqual({ key: '450200', name: '广西壮族自治区柳州市' })
    }
  })

  it('answers an unknown service, jurisdiction or path with a 404 in Open311 form', async () => {
    for (const res of [
      await getOpen311(app, 'services/parking.json'),
      await getOpen311(app, 'services.json', { jurisdiction_id: 'sfgov.org' }),
      await getOpen311(app, 'services/help.json', { jurisdiction_id: '440000' }),
      await getOpen311(app, 'services.xml'),
      await getOpen311(app, 'tokens/abc.json'),
    ]) {
      const [error] = expectOpen311Error(res, 404)
      expect(error?.description).toContain('Nothing was found here.')
    }
  })

  it('sends the app’s security headers on Open311 answers, errors included', async () => {
    for (const res of [
      await getOpen311(app, 'services.json'),
      await getOpen311(app, 'services/parking.json'),
    ]) {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
        expect(res.headers[name], name).toBe(value)
      }
    }
  })
})

describe('Open311 beside the built app', () => {
  const store = useStore(databases[0]!)
  it('answers unknown Open311 paths in its own form, never with the app shell', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'guishang-dist-'))
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app</title>')
    const app = await buildTestApp(store(), { env: { STATIC_DIR: dist } })
    try {
      for (const url of ['/open311/v2/nothing', '/open311/v2/requests', '/open311/v2/x.json']) {
        const res = await app.inject({ url, headers: { accept: 'text/html' } })
        expectOpen311Error(res, 404)
      }
      expect((await app.inject({ url: '/staff' })).body).toContain('<title>app</title>')
    } finally {
      await app.close()
      rmSync(dist, { recursive: true, force: true })
    }
  })
})
