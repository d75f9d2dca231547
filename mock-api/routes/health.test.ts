import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { problemSchema } from '../contract.js'
import { databases, useStore } from '../test/databases.js'
import { buildTestApp } from '../test/test-app.js'

describe.each(databases)('the API on $name', (database) => {
  const store = useStore(database)
  let app: FastifyInstance
  beforeAll(async () => {
    app = await buildTestApp(store())
  })
  afterAll(() => app.close())

  it('answers GET /api/health with {"ok":true}', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/^application\/json/)
    expect(res.json()).toEqual({ ok: true })
  })

  it('answers an unknown API path with a 404 problem in both languages', async () => {
    for (const method of ['GET', 'POST', 'DELETE'] as const) {
      const res = await app.inject({ method, url: '/api/nope' })
      expect(res.statusCode).toBe(404)
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
      const problem = problemSchema.parse(res.json())
      expect(problem).toMatchObject({ status: 404, type: 'urn:guishang:problem:not_found' })
      expect(problem.message?.zh).toBeTruthy()
      expect(problem.message?.en).toBeTruthy()
    }
  })

  it('sends the security headers on API responses', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' })
    const csp = String(res.headers['content-security-policy'])
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toMatch(/script-src 'self'(;|$)/)
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['referrer-policy']).toBe('no-referrer')
    expect(res.headers['x-frame-options']).toBe('DENY')
    expect(res.headers['strict-transport-security']).toBeUndefined()
  })
})
