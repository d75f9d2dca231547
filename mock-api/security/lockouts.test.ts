// Lockouts as a denial of service: someone else's guesses must not keep the person out, and an
// admin sees every lockout in force and can clear one (audited). Both stores.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { databases, useStore } from '../test/databases.js'
import type { World } from './fixture-world.js'
import { buildWorld } from './fixture-world.js'

type Lockout = { key: string; kind: string; subject: string; failures: number; lockedUntil: string }

describe.each(databases)('lockouts on $name', (database) => {
  const store = useStore(database)
  let w: World
  beforeAll(async () => {
    w = await buildWorld(store())
  })
  afterAll(() => w.app.close())

  const signIn = (remoteAddress: string, password: string) =>
    w.app.inject({
      method: 'POST',
      url: '/api/staff/session',
      remoteAddress,
      payload: { username: 'desk.liuzhou', password },
    })
  const list = async (cookies = w.cookies.admin) => {
    const res = await w.app.inject({ url: '/api/staff/admin/lockouts', cookies })
    return {
      res,
      lockouts: res.statusCode === 200 ? res.json<{ lockouts: Lockout[] }>().lockouts : [],
    }
  }

  it('locks the guessing address out, lists it for the admin, and clears it when asked', async () => {
    for (let i = 0; i < 5; i++)
      expect((await signIn('10.55.0.1', `wrong-${i}`)).statusCode).toBe(401)
    expect((await signIn('10.55.0.1', 'a-long-staff-password')).statusCode).toBe(429)
    // Wrong receipt codes from one address: its own lockout, not the ticket owner's.
    const { number } = w.tickets.submitted
    for (let i = 0; i < 11; i++) {
      await w.app.inject({
        url: `/api/receipts/${number}?code=WRONG${i}`,
        remoteAddress: '10.55.0.2',
      })
    }
    const other = await w.app.inject({
      url: `/api/receipts/${number}?code=${w.tickets.submitted.code}`,
      remoteAddress: '10.55.0.3',
    })
    expect(other.statusCode, other.body).toBe(200)

    const { res, lockouts } = await list()
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['cache-control']).toBe('no-store')
    const signInLock = lockouts.find((lockout) => lockout.kind === 'sign_in_from_address')
    expect(signInLock).toMatchObject({ subject: 'desk.liuzhou@10.55.0.1' })
    expect(signInLock?.failures).toBeGreaterThanOrEqual(5)
    expect(Date.parse(signInLock?.lockedUntil ?? '')).toBeGreaterThan(w.clock.now().getTime())
    expect(lockouts).toContainEqual(
      expect.objectContaining({ kind: 'receipt_from_address', subject: `${number}@10.55.0.2` }),
    )
    // Neither the username nor the number is locked for everyone.
    expect(lockouts.map((lockout) => lockout.kind)).not.toContain('sign_in_username')
    expect(lockouts.map((lockout) => lockout.kind)).not.toContain('receipt_number')

    expect((await list(w.cookies.deskNanning)).res.statusCode).toBe(403)
    const url = `/api/staff/admin/lockouts/${encodeURIComponent(signInLock?.key ?? '')}`
    const byDesk = await w.app.inject({ method: 'DELETE', url, cookies: w.cookies.deskNanning })
    expect(byDesk.statusCode).toBe(403)
    const cleared = await w.app.inject({ method: 'DELETE', url, cookies: w.cookies.admin })
    expect(cleared.statusCode, cleared.body).toBe(204)
    expect((await list()).lockouts.map((lockout) => lockout.key)).not.toContain(signInLock?.key)
    expect((await signIn('10.55.0.1', 'a-long-staff-password')).statusCode).toBe(200)
    const again = await w.app.inject({ method: 'DELETE', url, cookies: w.cookies.admin })
    expect(again.statusCode).toBe(404)
    const audit = await store()
      .db.selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('action', '=', 'lockout_cleared')
      .execute()
    expect(audit).toHaveLength(1)
    expect(audit[0]?.detail).toContain('signin:pair:')
  })
})
