import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { calendarYearSchema, staffTicketSchema } from '../contract.js'
import type { Cookies } from '../test/admin-fixtures.js'
import { auditOf, caller, expectProblem, staffIdOf } from '../test/admin-fixtures.js'
import { databases, useStore } from '../test/databases.js'
import { DISPATCH_STEPS, advance, reportTicket, seedStaff, signIn } from '../test/staff-fixtures.js'
import { buildTestApp, testClock } from '../test/test-app.js'

const OVERRIDES = '/api/staff/calendar/overrides'
// Monday 4 March 2030, 10:00 in China: a year the holiday package does not cover.
const MONDAY_2030 = new Date('2030-03-04T02:00:00Z')

describe.each(databases)('calendar overrides on $name', (database) => {
  const store = useStore(database)
  let app: FastifyInstance
  let office: Cookies
  let cityOffice: Cookies
  let admin: Cookies
  let desk: Cookies
  const call = caller(() => app)
  const yearView = async (cookies: Cookies, year: number) => {
    const res = await call(cookies, 'GET', `/api/staff/calendar?year=${year}`)
    expect(res.statusCode, res.body).toBe(200)
    return calendarYearSchema.parse(res.json())
  }
  /** The last day of a complaint dispatched on MONDAY_2030, as the desk reads it. */
  const dispatchedDue = async () => {
    const ticket = await reportTicket(store().db, { now: MONDAY_2030 })
    await advance(store().db, ticket.id, DISPATCH_STEPS, MONDAY_2030)
    const res = await call(desk, 'GET', `/api/staff/tickets/${ticket.id}`)
    return staffTicketSchema.parse(res.json()).due
  }

  beforeAll(async () => {
    await seedStaff(store())
    app = await buildTestApp(store(), { clock: testClock() })
    office = await signIn(app, 'office.region')
    cityOffice = await signIn(app, 'office.nanning')
    admin = await signIn(app, 'admin')
    desk = await signIn(app, 'desk.nanning')
  })
  afterAll(() => app.close())

  // 2030's 壮族三月三 (lunar 3/3 and 3/4) is Friday 5 and Saturday 6 April.
  const SANYUESAN_2030 = [
    { date: '2030-04-05', kind: 'holiday', source: 'regional', note: null },
    { date: '2030-04-06', kind: 'holiday', source: 'regional', note: null },
  ].map((day) => ({ ...day, name: { zh: '壮族三月三', en: 'Zhuang Sanyuesan' } }))

  it('is kept by the region office and the admin; everyone else reads it', async () => {
    const unit = await signIn(app, 'unit.nanning.amr')
    expectProblem(await call({}, 'GET', '/api/staff/calendar'), 401)
    for (const cookies of [desk, unit, cityOffice]) {
      expect((await yearView(cookies, 2030)).days).toEqual(SANYUESAN_2030)
      const put = await call(cookies, 'PUT', `${OVERRIDES}/2030-05-02`, { kind: 'holiday' })
      expectProblem(put, 403)
      expectProblem(await call(cookies, 'PUT', '/api/staff/calendar/years/2030', {}), 403)
      expectProblem(await call(cookies, 'DELETE', `${OVERRIDES}/2030-04-05`), 403)
    }
    const put = await call(cityOffice, 'PUT', `${OVERRIDES}/2030-05-02`, { kind: 'holiday' })
    expect(expectProblem(put, 403).type).toBe('urn:guishang:problem:not_calendar_keeper')
    expect((await yearView(admin, 2030)).days).toEqual(SANYUESAN_2030)
    expect(await auditOf(store().db, 'calendar_override_set')).toEqual([])
  })

  it('takes the region’s arrangement around 三月三 in a package year, not the State Council’s days', async () => {
    const before = await yearView(office, 2026)
    expect(before.days.filter((d) => d.source === 'regional').map((d) => d.date)).toEqual([
      '2026-04-19',
      '2026-04-20',
    ])
    // Sunday 19 April is 三月三 on a weekend: the region gives Tuesday 21 April off instead.
    const put = await call(office, 'PUT', `${OVERRIDES}/2026-04-21`, {
      kind: 'holiday',
      note: '三月三补休',
    })
    expect(put.statusCode, put.body).toBe(200)
    const after = await yearView(office, 2026)
    expect(after.days).toContainEqual({
      date: '2026-04-21',
      kind: 'holiday',
      source: 'override',
      name: null,
      note: '三月三补休',
    })
    // A national package day stays as the package has it, and changes nothing.
    const national = await call(office, 'PUT', `${OVERRIDES}/2026-04-06`, { kind: 'workday' })
    expect(expectProblem(national, 409).type).toBe('urn:guishang:problem:national_day')
    const makeUp = await call(office, 'PUT', `${OVERRIDES}/2026-02-14`, { kind: 'holiday' })
    expectProblem(makeUp, 409)
    expect((await yearView(office, 2026)).days).toEqual(after.days)
    expect((await call(office, 'DELETE', `${OVERRIDES}/2026-04-21`)).statusCode).toBe(204)
  })

  it('shows a package year’s holidays and make-up days, and refuses to override them', async () => {
    const year = await yearView(office, 2026)
    expect(year).toMatchObject({ isPackageYear: true, isCovered: true, isMarkedComplete: false })
    const day = (date: string) => year.days.find((d) => d.date === date)
    expect(day('2026-02-14')).toMatchObject({ kind: 'workday', source: 'package' })
    expect(day('2026-02-16')).toMatchObject({
      kind: 'holiday',
      source: 'package',
      name: { zh: '春节', en: 'Spring Festival' },
    })
    expect(day('2026-02-15')).toBeUndefined() // a Sunday off anyway
    const put = await call(office, 'PUT', `${OVERRIDES}/2026-02-16`, { kind: 'workday' })
    expect(expectProblem(put, 409).type).toBe('urn:guishang:problem:national_day')
    const mark = await call(office, 'PUT', '/api/staff/calendar/years/2026', {})
    expectProblem(mark, 409)
    expect((await yearView(office, 2026)).days.some((d) => d.source === 'override')).toBe(false)
  })

  it('moves a deadline computed after a holiday is added, and back when it is removed', async () => {
    const before = await dispatchedDue()
    expect(before).toMatchObject({ step: 'handling', lastDay: '2030-03-18', provisional: true })

    const put = await call(office, 'PUT', `${OVERRIDES}/2030-03-06`, {
      kind: 'holiday',
      note: '  临时调休 ',
    })
    expect(put.statusCode, put.body).toBe(200)
    expect(put.json()).toEqual({ date: '2030-03-06', kind: 'holiday', note: '临时调休' })
    expect((await dispatchedDue())?.lastDay).toBe('2030-03-19')
    expect((await yearView(office, 2030)).days).toContainEqual({
      date: '2030-03-06',
      kind: 'holiday',
      source: 'override',
      name: null,
      note: '临时调休',
    })

    expect((await call(office, 'DELETE', `${OVERRIDES}/2030-03-06`)).statusCode).toBe(204)
    expect((await dispatchedDue())?.lastDay).toBe('2030-03-18')
    const officeId = await staffIdOf(store().db, 'office.region')
    expect(await auditOf(store().db, 'calendar_override_set')).toContainEqual({
      staffId: officeId,
      detail: { date: '2030-03-06', kind: 'holiday', note: '临时调休' },
    })
    expect(await auditOf(store().db, 'calendar_override_removed')).toContainEqual({
      staffId: officeId,
      detail: { date: '2030-03-06' },
    })
  })

  it('opens a Saturday as a make-up working day', async () => {
    await call(admin, 'PUT', `${OVERRIDES}/2030-03-09`, { kind: 'workday' })
    // Dispatched Monday: Saturday 9 March now counts, so the 10th working day is a day earlier.
    expect((await dispatchedDue())?.lastDay).toBe('2030-03-15')
    await call(admin, 'DELETE', `${OVERRIDES}/2030-03-09`)
  })

  it('marks a year complete, so its deadlines are no longer provisional', async () => {
    const res = await call(office, 'PUT', '/api/staff/calendar/years/2030', { note: '已录入' })
    expect(res.statusCode, res.body).toBe(200)
    expect(calendarYearSchema.parse(res.json())).toMatchObject({
      year: 2030,
      isPackageYear: false,
      isMarkedComplete: true,
      completeNote: '已录入',
      isCovered: true,
    })
    expect((await dispatchedDue())?.provisional).toBe(false)
    expect((await call(office, 'DELETE', '/api/staff/calendar/years/2030')).statusCode).toBe(204)
    expect((await yearView(office, 2030)).isCovered).toBe(false)
    expect((await dispatchedDue())?.provisional).toBe(true)
  })

  it('refuses what names no date or year, and bad bodies', async () => {
    expectProblem(await call(office, 'PUT', `${OVERRIDES}/2030-02-30`, { kind: 'holiday' }), 404)
    expectProblem(await call(office, 'PUT', `${OVERRIDES}/2200-01-01`, { kind: 'holiday' }), 404)
    expectProblem(await call(office, 'PUT', '/api/staff/calendar/years/1999', {}), 404)
    const kind = expectProblem(
      await call(office, 'PUT', `${OVERRIDES}/2030-05-02`, { kind: 'day-off' }),
      422,
    )
    expect(kind.errors?.map((e) => e.field)).toEqual(['kind'])
    expectProblem(await call(office, 'GET', '/api/staff/calendar?year=1800'), 422)
    expect((await yearView(office, 2030)).days).toEqual(SANYUESAN_2030)
  })
})
