import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { entityCodeSchema, problemSchema, staffEntityCodeSchema } from '../contract.js'
import { signServicePointToken } from '../storage/service-point-tokens.js'
import { databases, useStore } from '../test/databases.js'
import type { Device } from '../test/owner-fixtures.js'
import { buildOwnerApp, newDevice, postReport, reportBody } from '../test/owner-fixtures.js'
import { seedStaff, signIn } from '../test/staff-fixtures.js'

const BUSINESS = {
  creditCode: '91450100MA5K00001E',
  name: '南宁某科技有限公司',
  kind: 'enterprise',
}

describe.each(databases)('entity codes on $name', (database) => {
  const store = useStore(database)
  let app: FastifyInstance
  let device: Device
  const cookies: Record<string, Record<string, string>> = {}

  beforeAll(async () => {
    await seedStaff(store())
    app = (await buildOwnerApp(store())).app
    device = await newDevice(app)
    for (const name of ['admin', 'window.nanning', 'desk.nanning']) {
      cookies[name] = await signIn(app, name)
    }
  })
  afterAll(() => app.close())

  const issue = async (who: string, body: object = BUSINESS) =>
    app.inject({
      method: 'POST',
      url: '/api/staff/entity-codes',
      cookies: cookies[who],
      payload: body,
    })
  const lookup = (token: string) => app.inject({ method: 'GET', url: `/api/entity-codes/${token}` })
  const count = async () =>
    Number(
      (
        await store()
          .db.selectFrom('tickets')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  it('is issued by an admin or a window clerk, and names the business', async () => {
    const res = await issue('window.nanning')
    expect(res.statusCode, res.body).toBe(201)
    const code = staffEntityCodeSchema.parse(res.json())
    expect(code.link).toBe(`http://localhost:80/e/${code.token}`)
    expect(entityCodeSchema.parse((await lookup(code.token)).json())).toEqual(BUSINESS)
    expect((await issue('admin')).statusCode).toBe(201)
    expect((await issue('desk.nanning')).statusCode).toBe(403)
    const svg = await app.inject({
      method: 'GET',
      url: `/api/staff/entity-codes/${code.id}/code.svg`,
      cookies: cookies['window.nanning'],
    })
    expect(svg.headers['content-type']).toContain('image/svg+xml')
  })

  it('shows a window clerk its own codes and an admin every code', async () => {
    const mine = staffEntityCodeSchema.parse((await issue('window.nanning')).json())
    const admins = staffEntityCodeSchema.parse((await issue('admin')).json())
    const listOf = async (who: string) =>
      (await app.inject({ method: 'GET', url: '/api/staff/entity-codes', cookies: cookies[who] }))
        .json<{ codes: { id: string }[] }>()
        .codes.map((c) => c.id)
    expect(await listOf('window.nanning')).toContain(mine.id)
    expect(await listOf('window.nanning')).not.toContain(admins.id)
    expect(await listOf('admin')).toEqual(expect.arrayContaining([mine.id, admins.id]))
    const retireOthers = await app.inject({
      method: 'DELETE',
      url: `/api/staff/entity-codes/${admins.id}`,
      cookies: cookies['window.nanning'],
    })
    expect(retireOthers.statusCode).toBe(404)
    expect((await lookup(admins.token)).statusCode).toBe(200)
  })

  it('tells a forged, a window-code and a retired token apart with clear messages', async () => {
    const code = staffEntityCodeSchema.parse((await issue('admin')).json())
    // One character of the signature changed: not the last ones, whose low bits may be padding
    // a decoder ignores (with "…AA" the token could end that way already, or decode the same).
    const at = code.token.length - 3
    const forged = await lookup(
      `${code.token.slice(0, at)}${code.token[at] === 'A' ? 'B' : 'A'}${code.token.slice(at + 1)}`,
    )
    expect(forged.statusCode).toBe(404)
    expect(problemSchema.parse(forged.json()).message?.zh).toContain('无法识别')
    const secret = (
      await store()
        .db.selectFrom('settings')
        .select('value')
        .where('key', '=', 'secret.code')
        .executeTakeFirstOrThrow()
    ).value
    const windowToken = signServicePointToken(secret, { id: code.id, version: 0 })
    expect((await lookup(windowToken)).statusCode).toBe(404)
    await app.inject({
      method: 'DELETE',
      url: `/api/staff/entity-codes/${code.id}`,
      cookies: cookies['admin'],
    })
    const retired = await lookup(code.token)
    expect(retired.statusCode).toBe(410)
    expect(problemSchema.parse(retired.json()).message?.zh).toContain('已停用')
  })

  it('fills a report’s business from the code and marks it verified', async () => {
    const code = staffEntityCodeSchema.parse((await issue('window.nanning')).json())
    const body = reportBody({ entityToken: code.token })
    const res = await postReport(app, device, body)
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({ business: BUSINESS })
    const row = await store()
      .db.selectFrom('tickets')
      .select(['business_name', 'credit_code_unverified', 'entity_code_id'])
      .where('id', '=', body.id)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({
      business_name: BUSINESS.name,
      credit_code_unverified: 0,
      entity_code_id: code.id,
    })
    const staffView = await app.inject({
      method: 'GET',
      url: `/api/staff/tickets/${body.id}`,
      cookies: cookies['desk.nanning'],
    })
    expect(staffView.json()).toMatchObject({ businessVerified: true, channel: 'app' })
  })

  it('is accepted by the intake form too', async () => {
    const code = staffEntityCodeSchema.parse((await issue('window.nanning')).json())
    const res = await app.inject({
      method: 'POST',
      url: '/api/staff/intake',
      cookies: cookies['window.nanning'],
      payload: {
        ...reportBody({ entityToken: code.token }),
        channel: 'window',
      },
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({
      businessVerified: true,
      business: { name: BUSINESS.name, creditCode: BUSINESS.creditCode },
    })
  })

  it('refuses a report with a forged or retired code and writes nothing', async () => {
    const code = staffEntityCodeSchema.parse((await issue('admin')).json())
    const before = await count()
    const forged = await postReport(app, device, reportBody({ entityToken: 'not-a-token' }))
    expect(forged.statusCode).toBe(422)
    expect(problemSchema.parse(forged.json()).errors).toEqual([
      { field: 'entityToken', code: 'unknown_entity_code' },
    ])
    await app.inject({
      method: 'DELETE',
      url: `/api/staff/entity-codes/${code.id}`,
      cookies: cookies['admin'],
    })
    const retired = await postReport(app, device, reportBody({ entityToken: code.token }))
    expect(problemSchema.parse(retired.json()).errors).toEqual([
      { field: 'entityToken', code: 'retired_entity_code' },
    ])
    expect(await count()).toBe(before)
  })
})
