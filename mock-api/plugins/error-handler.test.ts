import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { problemSchema, reportInputSchema } from '../contract.js'
import { BODY_LIMIT } from '../app.js'
import { databases, useStore } from '../test/databases.js'
import { buildTestApp } from '../test/test-app.js'
import { ProblemError } from './problems.js'

const [sqlite] = databases

describe('errors as problem details', () => {
  const store = useStore(sqlite!)
  let app: FastifyInstance
  beforeAll(async () => {
    app = await buildTestApp(store())
    app.post('/api/test/report', (request) => {
      reportInputSchema.parse(request.body)
      return { ok: true }
    })
    app.get('/api/test/refused', () => {
      throw new ProblemError(409, 'wrong_state', {
        zh: '当前状态不能撤回。',
        en: 'Too late to withdraw.',
      })
    })
    app.get('/api/test/crash', () => {
      throw new Error('secret internals: connection string postgres://x')
    })
    app.get(
      '/api/test/schema',
      { schema: { querystring: { type: 'object', properties: { n: { type: 'integer' } } } } },
      () => ({}),
    )
  })
  afterAll(() => app.close())

  const problemOf = (body: string) => problemSchema.parse(JSON.parse(body))

  it('turn a zod failure into 422 with each field at fault', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/test/report',
      payload: { id: 'not-a-uuid', category: 'gossip', divisionCode: '110000' },
    })
    expect(res.statusCode).toBe(422)
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
    const fields = problemOf(res.body).errors?.map((e) => e.field)
    expect(fields).toEqual(expect.arrayContaining(['id', 'category', 'divisionCode', 'business']))
    expect(problemOf(res.body).errors).toContainEqual({
      field: 'divisionCode',
      code: 'invalid_division',
    })
  })

  it('pass a thrown ProblemError through unchanged', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/test/refused' })
    expect(res.statusCode).toBe(409)
    expect(problemOf(res.body)).toMatchObject({
      type: 'urn:guishang:problem:wrong_state',
      message: { zh: '当前状态不能撤回。', en: 'Too late to withdraw.' },
    })
  })

  it('answer malformed JSON with 400 and an oversize body with 413', async () => {
    const headers = { 'content-type': 'application/json' }
    const bad = await app.inject({
      method: 'POST',
      url: '/api/test/report',
      headers,
      payload: '{"id":',
    })
    expect(bad.statusCode).toBe(400)
    expect(problemOf(bad.body).type).toBe('urn:guishang:problem:bad_request')
    const big = JSON.stringify({ description: 'x'.repeat(BODY_LIMIT) })
    const huge = await app.inject({
      method: 'POST',
      url: '/api/test/report',
      headers,
      payload: big,
    })
    expect(huge.statusCode).toBe(413)
    expect(problemOf(huge.body).type).toBe('urn:guishang:problem:body_too_large')
  })

  it('answer an unsupported content type with 415', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/test/report',
      headers: { 'content-type': 'application/x-weird' },
      payload: 'x',
    })
    expect(res.statusCode).toBe(415)
    expect(problemOf(res.body).status).toBe(415)
  })

  it('turn schema validation into 422 with the field', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/test/schema?n=abc' })
    expect(res.statusCode).toBe(422)
    expect(problemOf(res.body).errors?.[0]?.code).toBe('type')
  })

  it('hide the details of an unexpected error behind a 500', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/test/crash' })
    expect(res.statusCode).toBe(500)
    expect(res.body).not.toContain('secret internals')
    expect(problemOf(res.body).type).toBe('urn:guishang:problem:internal')
  })
})
