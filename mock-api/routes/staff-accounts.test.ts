import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { staffAccountsSchema } from '../contract.js'
import type { Cookies } from '../test/account-fixtures.js'
import {
  NEW_PASSWORD,
  accountAudit,
  accountRequests,
  deskInput,
  expectAccount,
  expectProblem,
} from '../test/account-fixtures.js'
import { databases, useStore } from '../test/databases.js'
import { seedStaff, signIn } from '../test/staff-fixtures.js'
import { buildTestApp, testClock } from '../test/test-app.js'
import { PRODUCTION_NOTIFICATIONS } from '../test/production-env.js'

const SECRETS = {
  CODE_SECRET: 'c'.repeat(32),
  COOKIE_SECRET: 'k'.repeat(32),
  ...PRODUCTION_NOTIFICATIONS,
}

describe.each(databases)('staff accounts: list and create on $name', (database) => {
  const store = useStore(database)
  let app: FastifyInstance
  let api: ReturnType<typeof accountRequests>
  let admin: Cookies

  const fieldsOf = (res: Awaited<ReturnType<typeof api.list>>, status = 422) =>
    expectProblem(res, status).errors?.map((e) => `${e.field}:${e.code}`)

  beforeAll(async () => {
    await seedStaff(store())
    await store()
      .db.updateTable('units')
      .set({ retired_at: '2026-01-01T00:00:00.000Z' })
      .where('id', '=', 'liuzhou-hrss')
      .execute()
    app = await buildTestApp(store(), { clock: testClock() })
    api = accountRequests(app)
    admin = await signIn(app, 'admin')
  })
  afterAll(() => app.close())

  it('answers only the admin: 401 without a session, 403 for other roles', async () => {
    const id = 'any-id'
    expectProblem(await api.list({}), 401)
    expectProblem(await api.create({}, deskInput('nobody.here')), 401)
    expectProblem(await api.change({}, id, { disabled: true }), 401)
    for (const username of ['desk.nanning', 'unit.nanning.amr', 'office.region']) {
      const cookies = await signIn(app, username)
      expectProblem(await api.list(cookies), 403)
      expectProblem(await api.create(cookies, deskInput('nobody.here')), 403)
      expectProblem(await api.change(cookies, id, { disabled: true }), 403)
    }
  })

  it('lists every account with role and scope, and no password hash', async () => {
    const res = await api.list(admin)
    expect(res.statusCode).toBe(200)
    expect(res.body).not.toMatch(/scrypt|password/i)
    const { accounts } = staffAccountsSchema.parse(res.json())
    const byName = new Map(accounts.map((account) => [account.username, account]))
    expect(byName.get('desk.liuzhou')).toMatchObject({ role: 'desk', divisionCode: '450200' })
    expect(byName.get('unit.nanning.amr')).toMatchObject({
      role: 'unit',
      unitId: 'nanning-amr',
      unitName: '南宁市市场监督管理局',
      disabled: false,
    })
    expect(byName.get('admin')).toMatchObject({ divisionCode: null, unitId: null })
  })

  it('creates an account that signs in with its new password, and audits it', async () => {
    const created = expectAccount(await api.create(admin, deskInput(' Desk.Liuzhou2 ')), 201)
    expect(created).toMatchObject({ username: 'desk.liuzhou2', role: 'desk', disabled: false })
    const cookies = await signIn(app, 'desk.liuzhou2', NEW_PASSWORD)
    expect((await api.me(cookies)).json()).toMatchObject({ scope: { divisionCode: '450200' } })
    const queue = await app.inject({ method: 'GET', url: '/api/staff/queue', cookies })
    expect(queue.statusCode).toBe(200)
    const [entry, ...more] = await accountAudit(store().db, created.id)
    expect(more).toEqual([])
    expect(entry?.action).toBe('staff_account_created')
    expect(JSON.stringify(entry)).not.toContain(NEW_PASSWORD)
  })

  it('gives a unit account its unit’s division', async () => {
    const input = { username: 'unit.liuzhou.tax', role: 'unit', unitId: 'liuzhou-tax' }
    const created = expectAccount(
      await api.create(admin, deskInput('x', { ...input, divisionCode: undefined })),
      201,
    )
    expect(created).toMatchObject({ unitId: 'liuzhou-tax', divisionCode: '450200' })
  })

  it('refuses invalid accounts with the field at fault, creating nothing', async () => {
    const before = staffAccountsSchema.parse((await api.list(admin)).json()).accounts.length
    const refusals: [object, string][] = [
      [deskInput('x'), 'username:invalid_username'],
      [deskInput('desk.short', { password: 'too-short' }), 'password:too_short'],
      [deskInput('desk.none', { divisionCode: undefined }), 'divisionCode:required'],
      [deskInput('desk.county', { divisionCode: '450203' }), 'divisionCode:invalid_desk_division'],
      [deskInput('unit.none', { role: 'unit', divisionCode: null }), 'unitId:required'],
      [
        deskInput('unit.gone', { role: 'unit', divisionCode: null, unitId: 'liuzhou-hrss' }),
        'unitId:unknown_unit',
      ],
      [
        deskInput('unit.nowhere', { role: 'unit', divisionCode: null, unitId: 'no-unit' }),
        'unitId:unknown_unit',
      ],
      [deskInput('admin.scoped', { role: 'admin' }), 'divisionCode:not_allowed'],
      [deskInput('desk.odd', { role: 'boss' }), 'role:invalid_value'],
    ]
    for (const [payload, field] of refusals) {
      expect(fieldsOf(await api.create(admin, payload)), field).toContain(field)
    }
    const cutOff = await app.inject({
      method: 'POST',
      url: '/api/staff/admin/accounts',
      cookies: admin,
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    })
    expectProblem(cutOff, 400)
    const after = staffAccountsSchema.parse((await api.list(admin)).json()).accounts.length
    expect(after).toBe(before)
  })

  it('refuses a username that is taken, whatever its case', async () => {
    const problem = expectProblem(await api.create(admin, deskInput('DESK.liuzhou')), 409)
    expect(problem.type).toBe('urn:guishang:problem:username_taken')
    expect(problem.message?.zh).toContain('用户名')
  })

  it('accepts the demo password in demo mode only: production refuses it', async () => {
    const demo = { password: 'guishang-demo-longer' }
    const env = { NODE_ENV: 'production', DEMO_PASSWORD: demo.password, ...SECRETS }
    const production = await buildTestApp(store(), { env })
    try {
      const cookies = await signIn(production, 'admin')
      const res = await accountRequests(production).create(cookies, deskInput('desk.prod', demo))
      expect(fieldsOf(res)).toEqual(['password:demo_password'])
    } finally {
      await production.close()
    }
    const devApp = await buildTestApp(store(), { env: { DEMO_PASSWORD: demo.password } })
    try {
      const cookies = await signIn(devApp, 'admin')
      expectAccount(await accountRequests(devApp).create(cookies, deskInput('desk.dev', demo)), 201)
    } finally {
      await devApp.close()
    }
  })
})
