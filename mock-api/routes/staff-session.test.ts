import { beforeAll, describe, expect, it } from 'vitest'
import { STAFF_COOKIE } from '../plugins/staff-auth.js'
import { hashToken } from '../storage/staff-sessions.js'
import { databases, useStore } from '../test/databases.js'
import {
  STAFF_PASSWORD,
  seedStaff,
  sessionCookie,
  signIn,
  signInRequest,
} from '../test/staff-fixtures.js'
import { PRODUCTION_NOTIFICATIONS } from '../test/production-env.js'
import { FIXED_NOW, buildTestApp, testClock } from '../test/test-app.js'

const HOUR = 3_600_000
const later = (ms: number) => new Date(FIXED_NOW.getTime() + ms)
const PRODUCTION = {
  NODE_ENV: 'production',
  CODE_SECRET: 'c'.repeat(40),
  COOKIE_SECRET: 'k'.repeat(40),
  ...PRODUCTION_NOTIFICATIONS,
}

describe.each(databases)('staff sessions on $name', (database) => {
  const store = useStore(database)
  beforeAll(async () => seedStaff(store()))

  it('signs in with a session cookie that scripts and other sites cannot use', async () => {
    const app = await buildTestApp(store())
    const res = await app.inject(signInRequest('desk.nanning'))
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({
      username: 'desk.nanning',
      displayName: '南宁市专席',
      role: 'desk',
      scope: { divisionCode: '450100' },
    })
    const cookie = sessionCookie(res)
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api' })
    expect(cookie?.secure).toBeUndefined()
    expect(cookie?.maxAge).toBe(12 * 3600)
    const header = String(res.headers['set-cookie'])
    expect(header).not.toMatch(/Secure/i)

    // The store keeps only the hash of the token, which is signed in the cookie.
    const token = app.unsignCookie(cookie?.value ?? '').value ?? ''
    const sessions = await store().db.selectFrom('staff_sessions').select('id_hash').execute()
    expect(sessions.map((s) => s.id_hash)).toContain(hashToken(token))
    expect(JSON.stringify(sessions)).not.toContain(token)
    await app.close()
  })

  it('marks the cookie Secure when the request came over TLS through a trusted proxy', async () => {
    const app = await buildTestApp(store(), { env: { TRUST_PROXY: '1' } })
    const res = await app.inject({
      ...signInRequest('desk.nanning'),
      headers: { 'x-forwarded-proto': 'https' },
    })
    expect(res.statusCode).toBe(200)
    expect(sessionCookie(res)?.secure).toBe(true)
    await app.close()
  })

  it('answers an unknown user and a wrong password alike, and sets no cookie', async () => {
    const app = await buildTestApp(store(), { env: { RATE_LIMITS: 'off' } })
    const unknown = await app.inject(signInRequest('nobody.here'))
    const wrong = await app.inject(signInRequest('desk.nanning', 'not-the-password'))
    for (const res of [unknown, wrong]) {
      expect(res.statusCode).toBe(401)
      expect(res.headers['set-cookie']).toBeUndefined()
    }
    expect(unknown.json()).toEqual(wrong.json())
    expect(wrong.json()).toMatchObject({ type: 'urn:guishang:problem:invalid_credentials' })
    await app.close()
  })

  it('locks a username out after 5 failures for 15 minutes, across restarts', async () => {
    const clock = testClock()
    const app = await buildTestApp(store(), { clock })
    for (let i = 0; i < 5; i++) {
      expect((await app.inject(signInRequest('desk.liuzhou', 'wrong-password'))).statusCode).toBe(
        401,
      )
    }
    await app.close()
    const restarted = await buildTestApp(store(), { clock })
    const locked = await restarted.inject(signInRequest('desk.liuzhou'))
    expect(locked.statusCode).toBe(429)
    expect(Number(locked.headers['retry-after'])).toBe(15 * 60)
    expect(locked.headers['set-cookie']).toBeUndefined()
    // Another account from the same address is not locked yet.
    expect((await restarted.inject(signInRequest('desk.region'))).statusCode).toBe(200)

    clock.set(later(15 * 60_000 + 1000))
    expect((await restarted.inject(signInRequest('desk.liuzhou'))).statusCode).toBe(200)
    await restarted.close()
  })

  it('does not count or lock when rate limits are off', async () => {
    const app = await buildTestApp(store(), { env: { RATE_LIMITS: 'off' } })
    for (let i = 0; i < 7; i++) await app.inject(signInRequest('office.liuzhou', 'wrong-password'))
    expect((await app.inject(signInRequest('office.liuzhou'))).statusCode).toBe(200)
    const rows = await store()
      .db.selectFrom('rate_limits')
      .where('key', 'like', '%office.liuzhou%')
      .selectAll()
      .execute()
    expect(rows).toEqual([])
    await app.close()
  })

  it('refuses the demo password in production even where it matches', async () => {
    const { db } = store()
    const app = await buildTestApp(store(), {
      env: { ...PRODUCTION, DEMO_PASSWORD: STAFF_PASSWORD, RATE_LIMITS: 'off' },
    })
    const res = await app.inject(signInRequest('desk.nanning'))
    expect(res.statusCode).toBe(401)
    expect(res.headers['set-cookie']).toBeUndefined()
    await app.close()
    const before = await db.selectFrom('staff_sessions').select('id_hash').execute()
    const development = await buildTestApp(store(), { env: { DEMO_PASSWORD: STAFF_PASSWORD } })
    expect((await development.inject(signInRequest('desk.nanning'))).statusCode).toBe(200)
    await development.close()
    const after = await db.selectFrom('staff_sessions').select('id_hash').execute()
    expect(after.length).toBe(before.length + 1)
  })

  it('refuses a disabled account with the right password', async () => {
    const { db } = store()
    await db.updateTable('staff').set({ disabled: 1 }).where('username', '=', 'admin').execute()
    const app = await buildTestApp(store())
    const res = await app.inject(signInRequest('admin'))
    expect(res.statusCode).toBe(403)
    expect(res.headers['set-cookie']).toBeUndefined()
    await db.updateTable('staff').set({ disabled: 0 }).where('username', '=', 'admin').execute()
    await app.close()
  })

  it('requires JSON for sign-in (no cross-site form posts)', async () => {
    const app = await buildTestApp(store())
    const res = await app.inject({
      method: 'POST',
      url: '/api/staff/session',
      headers: { 'content-type': 'text/plain' },
      payload: JSON.stringify({ username: 'desk.nanning', password: STAFF_PASSWORD }),
    })
    expect(res.statusCode).toBe(415)
    expect(res.headers['set-cookie']).toBeUndefined()
    await app.close()
  })

  it('tells a unit who it is, with its unit', async () => {
    const app = await buildTestApp(store())
    const cookies = await signIn(app, 'unit.nanning.amr')
    const me = await app.inject({ url: '/api/staff/me', cookies })
    expect(me.statusCode).toBe(200)
    expect(me.json()).toEqual({
      username: 'unit.nanning.amr',
      displayName: '南宁市市场监督管理局',
      role: 'unit',
      scope: { divisionCode: '450100', unitId: 'nanning-amr', unitName: '南宁市市场监督管理局' },
    })
    await app.close()
  })

  it('answers 401 without a session, with an owner credential, or with a forged cookie', async () => {
    const app = await buildTestApp(store())
    const cookies = await signIn(app, 'desk.nanning')
    const token = app.unsignCookie(cookies[STAFF_COOKIE] ?? '').value ?? ''
    const attempts = [
      {},
      { headers: { authorization: 'Bearer an-owner-device-credential' } },
      { cookies: { [STAFF_COOKIE]: token } },
      { cookies: { [STAFF_COOKIE]: `${cookies[STAFF_COOKIE]}x` } },
    ]
    for (const attempt of attempts) {
      const res = await app.inject({ url: '/api/staff/me', ...attempt })
      expect(res.statusCode).toBe(401)
      expect(res.headers['content-type']).toContain('application/problem+json')
    }
    await app.close()
  })

  it('expires a session after 8 idle hours, sliding with use', async () => {
    const clock = testClock()
    const app = await buildTestApp(store(), { clock })
    const idle = await signIn(app, 'desk.nanning')
    const busy = await signIn(app, 'desk.nanning')
    clock.set(later(7 * HOUR))
    expect((await app.inject({ url: '/api/staff/me', cookies: busy })).statusCode).toBe(200)
    clock.set(later(8 * HOUR + 60_000))
    expect((await app.inject({ url: '/api/staff/me', cookies: idle })).statusCode).toBe(401)
    expect((await app.inject({ url: '/api/staff/me', cookies: busy })).statusCode).toBe(200)
    await app.close()
  })

  it('ends every session 12 hours after sign-in however busy', async () => {
    const clock = testClock()
    const app = await buildTestApp(store(), { clock })
    const cookies = await signIn(app, 'desk.region')
    for (const hours of [4, 8, 11.9]) {
      clock.set(later(hours * HOUR))
      expect((await app.inject({ url: '/api/staff/me', cookies })).statusCode).toBe(200)
    }
    clock.set(later(12 * HOUR))
    expect((await app.inject({ url: '/api/staff/me', cookies })).statusCode).toBe(401)
    await app.close()
  })

  it('signs out: the cookie is cleared and the session is gone', async () => {
    const app = await buildTestApp(store())
    const cookies = await signIn(app, 'office.nanning')
    const out = await app.inject({ method: 'DELETE', url: '/api/staff/session', cookies })
    expect(out.statusCode).toBe(204)
    const cleared = sessionCookie(out)
    expect(cleared?.value).toBe('')
    expect(cleared?.path).toBe('/api')
    expect((await app.inject({ url: '/api/staff/me', cookies })).statusCode).toBe(401)
    const again = await app.inject({ method: 'DELETE', url: '/api/staff/session' })
    expect(again.statusCode).toBe(204)
    await app.close()
  })
})
