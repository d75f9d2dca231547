import { readFileSync } from 'node:fs'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { databases, useStore } from '../test/databases.js'
import { buildTestApp } from '../test/test-app.js'
import { allRouteDocs } from '../openapi/route-docs.js'
import { escapeHtml } from './html.js'

type Json = { [key: string]: unknown }

const PACKAGE = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }
const METHODS = ['get', 'post', 'put', 'patch', 'delete']
const TREE_LINE = /^((?:│ {3}| {4})*)(?:├── |└── )(.*?)(?: \(([A-Z, ]+)\))?$/

/** `METHOD /path/{param}` for every /api and /open311 route the app registered (HEAD left out). */
function registeredRoutes(app: FastifyInstance): string[] {
  const routes: string[] = []
  const stack: string[] = []
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = TREE_LINE.exec(line)
    if (!match) continue
    const depth = (match[1] ?? '').length / 4
    const path = (stack[depth - 1] ?? '') + (match[2] ?? '')
    stack[depth] = path
    for (const method of (match[3] ?? '').split(', ')) {
      if (method === '' || method === 'HEAD') continue
      if (!path.startsWith('/api/') && !path.startsWith('/open311/')) continue
      // A catch-all (Open311's 404 in its own form) is no operation.
      if (path.endsWith('*')) continue
      routes.push(`${method} ${path.replace(/:(\w+)/g, '{$1}')}`)
    }
  }
  return routes.sort()
}

const refsIn = (node: unknown): string[] => {
  if (Array.isArray(node)) return node.flatMap(refsIn)
  if (typeof node !== 'object' || node === null) return []
  return Object.entries(node).flatMap(([key, value]) =>
    key === '$ref' && typeof value === 'string' ? [value] : refsIn(value),
  )
}

describe.each(databases)('the API docs on $name', (database) => {
  const store = useStore(database)
  let app: FastifyInstance
  beforeAll(async () => {
    app = await buildTestApp(store(), { env: { TEST_CLOCK: '1' } })
    await app.ready()
  })
  afterAll(() => app.close())

  it('documents every /api route the app registers, and registers every documented one', () => {
    const registered = registeredRoutes(app)
    expect(registered).toContain('GET /api/codes/{token}')
    const documented = allRouteDocs()
      .map((doc) => `${doc.method} ${doc.path}`)
      .sort()
    const undocumented = registered.filter((route) => !documented.includes(route))
    const unregistered = documented.filter((route) => !registered.includes(route))
    expect(
      { undocumented, unregistered },
      'Add a RouteDoc (exported as <thing>Docs and imported in openapi/route-docs.ts) for each ' +
        'undocumented route; remove or fix each doc without a route.',
    ).toEqual({ undocumented: [], unregistered: [] })
    expect(new Set(documented).size, 'one RouteDoc per method and path').toBe(documented.length)
  })

  it('serves an OpenAPI 3.1 document whose operations all have responses', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/^application\/json/)
    const document = res.json<{
      openapi: string
      info: Json
      paths: Record<string, Record<string, Json>>
      components: { schemas: Json; securitySchemes: Json }
    }>()
    expect(document.openapi).toMatch(/^3\.1\.\d+$/)
    expect(document.info).toMatchObject({ title: '桂商码 API', version: PACKAGE.version })
    expect(Object.keys(document.components.securitySchemes).sort()).toEqual([
      'open311ApiKey',
      'ownerBearer',
      'staffCookie',
      'streamToken',
    ])
    expect(Object.keys(document.paths)).toHaveLength(
      new Set(allRouteDocs().map((doc) => doc.path)).size,
    )
    for (const [path, item] of Object.entries(document.paths)) {
      const operations = Object.entries(item).filter(([method]) => METHODS.includes(method))
      expect(operations.length, path).toBeGreaterThan(0)
      for (const [method, operation] of operations) {
        expect(
          Object.keys(operation.responses as Json).length,
          `${method} ${path}`,
        ).toBeGreaterThan(0)
        expect(operation.summary, `${method} ${path}`).toBeTruthy()
      }
    }
    for (const ref of refsIn(document)) {
      expect(ref).toMatch(/^#\/components\/schemas\//)
      expect(document.components.schemas, ref).toHaveProperty(ref.split('/').at(-1) as string)
    }
  })

  it('describes window codes with their schemas, security and problem responses', async () => {
    const document = (await app.inject({ method: 'GET', url: '/api/docs' })).json<{
      paths: Record<string, Record<string, Json>>
    }>()
    const code = document.paths['/api/codes/{token}']?.get
    expect(code).toMatchObject({
      security: [],
      parameters: [{ name: 'token', in: 'path', required: true }],
      responses: {
        200: {
          content: {
            'application/json': { schema: { $ref: '#/components/schemas/ServicePoint' } },
          },
        },
        404: {
          content: {
            'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
          },
        },
        410: { content: { 'application/problem+json': {} } },
      },
    })
    expect(document.paths['/api/staff/service-points']?.post).toMatchObject({
      security: [{ staffCookie: [] }],
      'x-staff-roles': ['admin'],
      requestBody: {
        content: {
          'application/json': { schema: { $ref: '#/components/schemas/ServicePointInput' } },
        },
      },
    })
    const statistics = document.paths['/api/staff/statistics']?.get
    expect((statistics?.parameters as Json[]).map((p) => p.name)).toContain('groupBy')
  })

  it('describes the Open311 routes: form body, api_key, errors in Open311 form', async () => {
    const document = (await app.inject({ method: 'GET', url: '/api/docs' })).json<{
      paths: Record<string, Record<string, Json>>
    }>()
    const post = document.paths['/open311/v2/requests.json']?.post
    expect(post).toMatchObject({
      security: [{ open311ApiKey: [] }],
      requestBody: { content: { 'application/x-www-form-urlencoded': {} } },
      responses: {
        201: {
          content: {
            'application/json': { schema: { $ref: '#/components/schemas/Open311Created' } },
          },
        },
        403: {
          content: {
            'application/json': { schema: { $ref: '#/components/schemas/Open311Errors' } },
          },
        },
      },
    })
    const form = (post?.requestBody as { content: Record<string, { schema: Json }> }).content[
      'application/x-www-form-urlencoded'
    ]?.schema
    expect(Object.keys((form?.properties as Json | undefined) ?? {})).toContain(
      'attribute[credit_code]',
    )
    expect(document.paths['/open311/v2/requests/{id}.json']?.get).toMatchObject({
      parameters: expect.arrayContaining([
        expect.objectContaining({ name: 'id', in: 'path' }),
      ]) as Json[],
    })
  })

  it('describes the statistics CSV beside the JSON, with its columns', async () => {
    const document = (await app.inject({ method: 'GET', url: '/api/docs' })).json<{
      paths: Record<string, Record<string, { responses: Record<string, { content: Json }> }>>
    }>()
    const content = document.paths['/api/staff/statistics']?.get?.responses['200']?.content
    expect(Object.keys(content ?? {})).toEqual(['application/json', 'text/csv'])
    expect(content?.['text/csv']).toEqual({
      schema: { type: 'string', description: expect.any(String) as string },
    })
    const columns = (content?.['text/csv'] as { schema: { description: string } }).schema
      .description
    for (const heading of ['类别', '承办单位', '工单数', '满意率', '热点问题', '合计', 'BOM']) {
      expect(columns).toContain(heading)
    }
    const page = (await app.inject({ method: 'GET', url: '/api/docs/ui' })).body
    expect(page).toContain('<code>text/csv</code>')
  })

  it('serves a readable page with every route and an anchor for each, and no script', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs/ui' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/html/)
    const page = res.body
    for (const doc of allRouteDocs()) {
      expect(page).toContain(`<code>${doc.path}</code>`)
      expect(page).toContain(escapeHtml(doc.summary))
    }
    expect(page).toContain('id="getApiCodesToken"')
    expect(page).toContain('href="#getApiCodesToken"')
    expect(page).toContain('id="schema-ServicePoint"')
    // No script, no inline handlers, nothing loaded from another origin.
    expect(page).not.toMatch(/<script|\son\w+=|(src|href)="(https?:)?\/\//i)
    expect(String(res.headers['content-security-policy'])).toMatch(/script-src 'self'(;|$)/)
  })
})
