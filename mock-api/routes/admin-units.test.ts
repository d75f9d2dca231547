import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AdminUnit } from '../contract.js'
import { adminUnitSchema, adminUnitsSchema } from '../contract.js'
import type { Cookies } from '../test/admin-fixtures.js'
import { auditOf, caller, expectProblem, staffIdOf } from '../test/admin-fixtures.js'
import { databases, useStore } from '../test/databases.js'
import { DISPATCH_STEPS, advance, reportTicket, seedStaff, signIn } from '../test/staff-fixtures.js'
import { FIXED_NOW, buildTestApp, testClock } from '../test/test-app.js'

const UNITS = '/api/staff/admin/units'
const NEW_UNIT = { name: '南宁市数据局', level: 'city', divisionCode: '450100' } as const

describe.each(databases)('units admin on $name', (database) => {
  const store = useStore(database)
  const clock = testClock()
  let app: FastifyInstance
  let admin: Cookies
  let desk: Cookies
  let office: Cookies
  const call = caller(() => app)
  const listUnits = async () =>
    adminUnitsSchema.parse((await call(admin, 'GET', UNITS)).json()).units
  const createUnit = async (body: object): Promise<AdminUnit> => {
    const res = await call(admin, 'POST', UNITS, body)
    expect(res.statusCode, res.body).toBe(201)
    return adminUnitSchema.parse(res.json())
  }

  beforeAll(async () => {
    await seedStaff(store())
    app = await buildTestApp(store(), { clock })
    admin = await signIn(app, 'admin')
    desk = await signIn(app, 'desk.nanning')
    office = await signIn(app, 'office.nanning')
  })
  afterAll(() => app.close())

  it('is the admin’s alone: 401 without a session, 403 for every other role', async () => {
    expectProblem(await call({}, 'GET', UNITS), 401)
    for (const cookies of [desk, office]) {
      expectProblem(await call(cookies, 'GET', UNITS), 403)
      expectProblem(await call(cookies, 'POST', UNITS, NEW_UNIT), 403)
      expectProblem(await call(cookies, 'PATCH', `${UNITS}/nanning-tax`, { name: 'x' }), 403)
    }
    expect((await listUnits()).some((u) => u.name === NEW_UNIT.name)).toBe(false)
  })

  it('creates a unit, lists it with the seeded ones, and audits who did it', async () => {
    const unit = await createUnit(NEW_UNIT)
    expect(unit).toMatchObject({ ...NEW_UNIT, isActive: true, openTickets: 0, retiredAt: null })
    expect(unit.id).toMatch(/^unit-/)
    const units = await listUnits()
    expect(units.map((u) => u.id)).toEqual(expect.arrayContaining(['nanning-amr', unit.id]))
    expect(units[0]?.divisionCode).toBe('450000')
    const audit = await auditOf(store().db, 'unit_created')
    expect(audit).toContainEqual({
      staffId: await staffIdOf(store().db, 'admin'),
      detail: { unitId: unit.id, name: NEW_UNIT.name, divisionCode: '450100' },
    })
  })

  it('refuses a level that is not the division’s, a taken name and a bad division', async () => {
    const mismatch = expectProblem(
      await call(admin, 'POST', UNITS, { ...NEW_UNIT, name: '南宁市某局', level: 'county' }),
      422,
    )
    expect(mismatch.errors).toEqual([{ field: 'level', code: 'level_mismatch' }])
    const taken = expectProblem(
      await call(admin, 'POST', UNITS, { ...NEW_UNIT, name: '南宁市市场监督管理局' }),
      409,
    )
    expect(taken.type).toBe('urn:guishang:problem:unit_name_taken')
    const division = expectProblem(
      await call(admin, 'POST', UNITS, { ...NEW_UNIT, divisionCode: '110000' }),
      422,
    )
    expect(new Set(division.errors?.map((e) => e.field))).toEqual(new Set(['divisionCode']))
    expect((await listUnits()).filter((u) => u.name === '南宁市某局')).toEqual([])
  })

  it('renames, deactivates and reactivates a unit without open tickets', async () => {
    const unit = await createUnit({ name: '青秀区商务局', level: 'county', divisionCode: '450103' })
    const url = `${UNITS}/${unit.id}`
    const renamed = await call(admin, 'PATCH', url, { name: '青秀区商务和投资促进局' })
    expect(renamed.json()).toMatchObject({ name: '青秀区商务和投资促进局', isActive: true })
    clock.set(new Date('2026-02-13T03:00:00Z'))
    const off = await call(admin, 'PATCH', url, { active: false })
    expect(off.json()).toMatchObject({ isActive: false, retiredAt: '2026-02-13T03:00:00.000Z' })
    const staffUnits = await call(desk, 'GET', '/api/staff/units')
    expect(staffUnits.json<{ units: { id: string }[] }>().units.map((u) => u.id)).not.toContain(
      unit.id,
    )
    expect((await listUnits()).find((u) => u.id === unit.id)?.isActive).toBe(false)
    clock.set(new Date('2026-02-13T04:00:00Z'))
    const on = await call(admin, 'PATCH', url, { active: true })
    expect(on.json()).toMatchObject({ isActive: true, retiredAt: null })
    clock.set(FIXED_NOW)
    const changes = await auditOf(store().db, 'unit_changed')
    expect(changes.map((c) => c.detail)).toEqual([
      { unitId: unit.id, name: '青秀区商务和投资促进局' },
      { unitId: unit.id, active: false },
      { unitId: unit.id, active: true },
    ])
    expectProblem(await call(admin, 'PATCH', `${UNITS}/unit-nowhere`, { active: false }), 404)
  })

  it('will not deactivate a unit that holds open tickets, and says how many', async () => {
    const ticket = await reportTicket(store().db)
    await advance(store().db, ticket.id, DISPATCH_STEPS)
    const res = await call(admin, 'PATCH', `${UNITS}/nanning-tax`, { active: false })
    expect(expectProblem(res, 409).message?.zh).toContain('1 件未办结')
    expect(res.json()).toMatchObject({
      type: 'urn:guishang:problem:unit_has_open_tickets',
      openTickets: 1,
    })
    const tax = (await listUnits()).find((u) => u.id === 'nanning-tax')
    expect(tax).toMatchObject({ isActive: true, openTickets: 1 })
  })
})
