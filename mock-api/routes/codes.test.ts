import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { problemSchema, servicePointSchema } from '../contract.js'
import { signServicePointToken } from '../storage/service-point-tokens.js'
import { insertServicePoint, retireServicePoint } from '../storage/service-points.js'
import { databases, useStore } from '../test/databases.js'
import { FIXED_NOW, buildTestApp } from '../test/test-app.js'
import { CODE_LOOKUP_LIMIT } from './codes.js'

const CODE_SECRET = 'codes-test-secret-0123456789-abcdefghijklmnop'
const OTHER_SECRET = 'another-secret-0123456789-abcdefghijklmnopqrs'

const point = (id: string, divisionCode = '450103', deskDivisionCode = '450100') => ({
  id,
  name: `青秀区政务服务中心 ${id}`,
  hall: '青秀区政务服务中心',
  window: '1号窗口',
  division_code: divisionCode,
  desk_division_code: deskDivisionCode,
  created_at: FIXED_NOW.toISOString(),
})

const tokenFor = (id: string, version = 1, secret = CODE_SECRET) =>
  signServicePointToken(secret, { id, version })

describe.each(databases)('GET /api/codes/:token on $name', (database) => {
  const store = useStore(database)
  let app: FastifyInstance
  const lookup = (token: string, remoteAddress = '127.0.0.1') =>
    app.inject({ method: 'GET', url: `/api/codes/${token}`, remoteAddress })
  const expectProblem = (res: Awaited<ReturnType<typeof lookup>>, status: number, code: string) => {
    expect(res.statusCode).toBe(status)
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
    const problem = problemSchema.parse(res.json())
    expect(problem.type).toBe(`urn:guishang:problem:${code}`)
    expect(problem.message?.zh).toBeTruthy()
  }

  beforeAll(async () => {
    const { db } = store()
    await insertServicePoint(db, point('sp-qingxiu'))
    await insertServicePoint(db, point('sp-region', '450000', '450000'))
    await insertServicePoint(db, point('sp-retired'))
    await retireServicePoint(db, 'sp-retired', FIXED_NOW)
    await insertServicePoint(db, point('sp-reissued'))
    await db
      .updateTable('service_points')
      .set({ token_version: 2 })
      .where('id', '=', 'sp-reissued')
      .execute()
    app = await buildTestApp(store(), { env: { CODE_SECRET } })
  })
  afterAll(() => app.close())

  it('answers a signed token with its service point, desk and names', async () => {
    const res = await lookup(tokenFor('sp-qingxiu'))
    expect(res.statusCode).toBe(200)
    expect(servicePointSchema.strict().parse(res.json())).toEqual({
      id: 'sp-qingxiu',
      name: '青秀区政务服务中心 sp-qingxiu',
      hall: '青秀区政务服务中心',
      window: '1号窗口',
      divisionCode: '450103',
      divisionName: '青秀区',
      cityCode: '450100',
      deskId: 'desk-450100',
      deskDivisionCode: '450100',
      deskName: '南宁市专席',
    })
  })

  it('names the region for a region-level point', async () => {
    const res = await lookup(tokenFor('sp-region'))
    expect(res.json()).toMatchObject({
      divisionName: '广西壮族自治区',
      cityCode: '450000',
      deskId: 'desk-450000',
      deskName: '自治区专席',
    })
  })

  it('answers 404 unknown_code for a token signed with another secret', async () => {
    expectProblem(await lookup(tokenFor('sp-qingxiu', 1, OTHER_SECRET)), 404, 'unknown_code')
  })

  it('answers 404 unknown_code for a tampered or malformed token', async () => {
    const token = tokenFor('sp-qingxiu')
    const last = token.at(-1) === 'A' ? 'B' : 'A'
    expectProblem(await lookup(`${token.slice(0, -1)}${last}`), 404, 'unknown_code')
    // Same MAC, another id: the payload is signed, so this cannot verify.
    const forged = Buffer.from(token, 'base64url')
    forged[4] = forged[4] === 0x41 ? 0x42 : 0x41
    expectProblem(await lookup(forged.toString('base64url')), 404, 'unknown_code')
    expectProblem(await lookup('not.a.token'), 404, 'unknown_code')
    expectProblem(await lookup('x'.repeat(90)), 404, 'unknown_code')
  })

  it('answers 404 for a well-signed token of a point that does not exist', async () => {
    expectProblem(await lookup(tokenFor('sp-nowhere')), 404, 'unknown_code')
    expectProblem(await lookup(tokenFor('sp-reissued', 3)), 404, 'unknown_code')
  })

  it('answers 410 retired_code for a retired point and for an older token version', async () => {
    expectProblem(await lookup(tokenFor('sp-retired')), 410, 'retired_code')
    expectProblem(await lookup(tokenFor('sp-reissued', 1)), 410, 'retired_code')
    expect((await lookup(tokenFor('sp-reissued', 2))).statusCode).toBe(200)
  })

  it('limits lookups per address, then answers 429 with Retry-After', async () => {
    const token = tokenFor('sp-qingxiu')
    for (let i = 0; i < CODE_LOOKUP_LIMIT.limit; i++) {
      expect((await lookup(token, '203.0.113.7')).statusCode).toBe(200)
    }
    const limited = await lookup(token, '203.0.113.7')
    expectProblem(limited, 429, 'rate_limited')
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
    expect((await lookup(token, '203.0.113.8')).statusCode).toBe(200)
  })

  it('does not limit lookups with RATE_LIMITS=off', async () => {
    const unlimited = await buildTestApp(store(), { env: { CODE_SECRET, RATE_LIMITS: 'off' } })
    try {
      const token = tokenFor('sp-qingxiu')
      for (let i = 0; i <= CODE_LOOKUP_LIMIT.limit; i++) {
        const res = await unlimited.inject({
          method: 'GET',
          url: `/api/codes/${token}`,
          remoteAddress: '203.0.113.9',
        })
        expect(res.statusCode).toBe(200)
      }
    } finally {
      await unlimited.close()
    }
  })
})
