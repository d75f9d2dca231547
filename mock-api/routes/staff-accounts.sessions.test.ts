import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StaffAccount } from '../contract.js'
import { staffAccountsSchema } from '../contract.js'
import type { Cookies } from '../test/account-fixtures.js'
import {
  NEW_PASSWORD,
  accountAudit,
  accountRequests,
  deskInput,
  expectAccount,
  expectProblem,
  sessionCount,
} from '../test/account-fixtures.js'
import { databases, useStore } from '../test/databases.js'
import { seedStaff, signIn, signInRequest } from '../test/staff-fixtures.js'
import { buildTestApp, testClock } from '../test/test-app.js'

describe.each(databases)('staff accounts: changes and sessions on $name', (database) => {
  const store = useStore(database)
  let app: FastifyInstance
  let api: ReturnType<typeof accountRequests>
  let admin: Cookies
  let adminId: string

  /** A new Liuzhou desk account, and a session of it. */
  async function newDesk(username: string): Promise<[StaffAccount, Cookies]> {
    const account = expectAccount(await api.create(admin, deskInput(username)), 201)
    return [account, await signIn(app, username, NEW_PASSWORD)]
  }
  const meStatus = async (cookies: Cookies) => (await api.me(cookies)).statusCode

  beforeAll(async () => {
    await seedStaff(store())
    app = await buildTestApp(store(), { clock: testClock() })
    api = accountRequests(app)
    admin = await signIn(app, 'admin')
    const { accounts } = staffAccountsSchema.parse((await api.list(admin)).json())
    adminId = accounts.find((account) => account.username === 'admin')?.id ?? ''
  })
  afterAll(() => app.close())

  it('disabling ends the sessions and refuses sign-in; enabling lets only a new sign-in in', async () => {
    const [account, cookies] = await newDesk('desk.disabled')
    const disabled = expectAccount(await api.change(admin, account.id, { disabled: true }))
    expect(disabled.disabled).toBe(true)
    expect(await meStatus(cookies)).toBe(401)
    expect(await sessionCount(store().db, account.id)).toBe(0)
    const refused = expectProblem(
      await app.inject(signInRequest('desk.disabled', NEW_PASSWORD)),
      403,
    )
    expect(refused.type).toBe('urn:guishang:problem:account_disabled')

    expectAccount(await api.change(admin, account.id, { disabled: false }))
    expect(await meStatus(cookies)).toBe(401)
    expect(await meStatus(await signIn(app, 'desk.disabled', NEW_PASSWORD))).toBe(200)
  })

  it('a new role or scope ends the sessions; a new display name does not', async () => {
    const [account, cookies] = await newDesk('desk.moved')
    expectAccount(await api.change(admin, account.id, { displayName: '柳州市专席（三）' }))
    expect(await meStatus(cookies)).toBe(200)
    const moved = expectAccount(
      await api.change(admin, account.id, { role: 'unit', unitId: 'nanning-tax' }),
    )
    expect(moved).toMatchObject({ role: 'unit', divisionCode: '450100', unitId: 'nanning-tax' })
    expect(await meStatus(cookies)).toBe(401)
    const again = await api.me(await signIn(app, 'desk.moved', NEW_PASSWORD))
    expect(again.json()).toMatchObject({ role: 'unit', scope: { unitId: 'nanning-tax' } })
    const changes = (await accountAudit(store().db, account.id)).map((entry) => entry.detail)
    expect(changes).toContainEqual(
      expect.objectContaining({
        changed: { role: 'unit', divisionCode: '450100', unitId: 'nanning-tax' },
        sessionsEnded: 1,
      }),
    )
  })

  it('a reset password replaces the old one and ends the sessions', async () => {
    const [account, cookies] = await newDesk('desk.reset')
    const password = 'another-long-password'
    expectAccount(await api.change(admin, account.id, { password }))
    expect(await meStatus(cookies)).toBe(401)
    expectProblem(await app.inject(signInRequest('desk.reset', NEW_PASSWORD)), 401)
    expect(await meStatus(await signIn(app, 'desk.reset', password))).toBe(200)
    const audit = await accountAudit(store().db, account.id)
    const change = audit.find((entry) => entry.action === 'staff_account_changed')
    expect(change?.detail.changed).toEqual({ password: 'reset' })
    expect(JSON.stringify(audit)).not.toContain(password)
  })

  it('refuses an admin disabling or demoting themself, and changes nothing', async () => {
    for (const change of [{ disabled: true }, { role: 'office', divisionCode: '450000' }]) {
      const problem = expectProblem(await api.change(admin, adminId, change), 409)
      expect(problem.type).toBe('urn:guishang:problem:own_access')
    }
    expect((await api.me(admin)).json()).toMatchObject({ role: 'admin' })
    expect(await accountAudit(store().db, adminId)).toEqual([])
  })

  it('keeps the admin’s own session when they reset their own password', async () => {
    const second = expectAccount(
      await api.create(admin, deskInput('admin.second', { role: 'admin', divisionCode: null })),
      201,
    )
    const cookies = await signIn(app, 'admin.second', NEW_PASSWORD)
    const other = await signIn(app, 'admin.second', NEW_PASSWORD)
    expectAccount(await api.change(cookies, second.id, { password: 'my-own-new-password' }))
    expect(await meStatus(cookies)).toBe(200)
    expect(await meStatus(other)).toBe(401)
  })

  it('refuses unknown accounts, empty changes and a scope without its role', async () => {
    expect(await api.change(admin, 'no-such-account', { disabled: true })).toMatchObject({
      statusCode: 404,
    })
    const id = adminId
    const empty = expectProblem(await api.change(admin, id, {}), 422)
    expect(empty.errors).toContainEqual({ field: '', code: 'nothing_to_change' })
    const loose = expectProblem(await api.change(admin, id, { divisionCode: '450100' }), 422)
    expect(loose.errors).toContainEqual({ field: 'role', code: 'required' })
  })
})
