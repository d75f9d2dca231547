import { beforeAll, describe, expect, it } from 'vitest'
import { databases, useStore } from '../test/databases.js'
import { DISPATCH_STEPS, advance, reportTicket, seedStaff, signIn } from '../test/staff-fixtures.js'
import { FIXED_NOW, buildTestApp, testClock, testConfig } from '../test/test-app.js'
import { createOffsetClock } from './test-clock.js'

const TEST_CLOCK = { TEST_CLOCK: '1' }

describe('the offset clock', () => {
  it('jumps to the time set and keeps running from there', () => {
    let real = Date.parse('2026-01-01T00:00:00.000Z')
    const clock = createOffsetClock({ now: () => new Date(real) })
    clock.set(FIXED_NOW)
    expect(clock.now()).toEqual(FIXED_NOW)
    real += 5_000
    expect(clock.now()).toEqual(new Date(FIXED_NOW.getTime() + 5_000))
  })

  it('cannot be switched on in production', () => {
    const production = {
      NODE_ENV: 'production',
      CODE_SECRET: 'c'.repeat(40),
      COOKIE_SECRET: 'k'.repeat(40),
    }
    expect(() => testConfig({ ...production, ...TEST_CLOCK })).toThrow(/TEST_CLOCK/)
  })
})

describe.each(databases)('the test clock route on $name', (database) => {
  const store = useStore(database)
  beforeAll(async () => seedStaff(store()))

  it('does not exist without TEST_CLOCK', async () => {
    const app = await buildTestApp(store())
    const get = await app.inject({ url: '/api/test/clock' })
    const post = await app.inject({
      method: 'POST',
      url: '/api/test/clock',
      payload: { now: '2030-01-01T00:00:00Z' },
    })
    expect(get.statusCode).toBe(404)
    expect(post.statusCode).toBe(404)
    await app.close()
  })

  it('sets the time every rule uses: a session expires when the clock moves past it', async () => {
    const clock = testClock()
    const app = await buildTestApp(store(), { env: TEST_CLOCK, clock })
    expect((await app.inject({ url: '/api/test/clock' })).json()).toEqual({
      now: FIXED_NOW.toISOString(),
    })
    const cookies = await signIn(app, 'desk.nanning')
    const set = await app.inject({
      method: 'POST',
      url: '/api/test/clock',
      payload: { now: '2026-02-14T08:00:00+08:00' },
    })
    expect(set.statusCode).toBe(200)
    expect(set.json()).toMatchObject({ now: '2026-02-14T00:00:00.000Z' })
    expect(clock.now().toISOString()).toBe('2026-02-14T00:00:00.000Z')
    expect((await app.inject({ url: '/api/staff/me', cookies })).statusCode).toBe(401)
    await app.close()
  })

  it('runs the system job right after a jump', async () => {
    const { db } = store()
    const clock = testClock()
    const ticket = await reportTicket(db)
    await advance(db, ticket.id, [
      ...DISPATCH_STEPS,
      [{ type: 'sign' }, 'unit.nanning.amr'],
      [{ type: 'contact', channel: 'phone', summary: '已联系。' }, 'unit.nanning.amr'],
      [{ type: 'reply', reply: '已办理。' }, 'unit.nanning.amr'],
      [{ type: 'approve_reply' }, 'desk.nanning'],
    ])
    const app = await buildTestApp(store(), { env: TEST_CLOCK, clock })
    const res = await app.inject({
      method: 'POST',
      url: '/api/test/clock',
      payload: { now: '2026-02-26T09:00:00+08:00' },
    })
    expect(res.json().sweep).toMatchObject({ closed: 1 })
    const row = await db
      .selectFrom('tickets')
      .select('status')
      .where('id', '=', ticket.id)
      .executeTakeFirstOrThrow()
    expect(row.status).toBe('closed')
    await app.close()
  })

  it('refuses a time that is not ISO 8601, keeping the clock', async () => {
    const clock = testClock()
    const app = await buildTestApp(store(), { env: TEST_CLOCK, clock })
    for (const now of ['tomorrow', '2026-02-14', 1234]) {
      const res = await app.inject({ method: 'POST', url: '/api/test/clock', payload: { now } })
      expect(res.statusCode).toBe(422)
      expect(res.json().errors[0].field).toBe('now')
    }
    expect(clock.now()).toEqual(FIXED_NOW)
    await app.close()
  })
})
