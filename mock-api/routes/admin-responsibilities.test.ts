import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  adminUnitSchema,
  responsibilityEntriesSchema,
  responsibilityEntrySchema,
  suggestedUnitsSchema,
} from '../contract.js'
import type { Cookies } from '../test/admin-fixtures.js'
import { auditOf, caller, expectProblem } from '../test/admin-fixtures.js'
import { databases, useStore } from '../test/databases.js'
import { reportTicket, seedStaff, signIn } from '../test/staff-fixtures.js'
import { buildTestApp, testClock } from '../test/test-app.js'

const LIST = '/api/staff/admin/responsibilities'
const entryUrl = (division: string, category: string) => `${LIST}/${division}/${category}`
// Words that hit no seeded duty's keywords: only the list can suggest a unit for it.
const PLAIN_SUGGESTION = {
  category: 'suggestion',
  title: '希望延长政务大厅午间开放时间',
  description: '中午来办事的人很多，建议午间不休息。',
} as const

describe.each(databases)('the responsibility list on $name', (database) => {
  const store = useStore(database)
  let app: FastifyInstance
  let admin: Cookies
  let desk: Cookies
  let unitId: string
  const call = caller(() => app)
  const suggestedFor = async (ticketId: string) => {
    const res = await call(desk, 'GET', `/api/staff/tickets/${ticketId}/suggested-units`)
    expect(res.statusCode, res.body).toBe(200)
    return suggestedUnitsSchema.parse(res.json()).units
  }

  beforeAll(async () => {
    await seedStaff(store())
    app = await buildTestApp(store(), { clock: testClock() })
    admin = await signIn(app, 'admin')
    desk = await signIn(app, 'desk.nanning')
    const created = await call(admin, 'POST', '/api/staff/admin/units', {
      name: '南宁市行政审批局',
      level: 'city',
      divisionCode: '450100',
    })
    unitId = adminUnitSchema.parse(created.json()).id
  })
  afterAll(() => app.close())

  it('is the admin’s alone', async () => {
    const body = { leadUnitId: 'nanning-amr' }
    expectProblem(await call({}, 'GET', LIST), 401)
    expectProblem(await call(desk, 'GET', LIST), 403)
    expectProblem(await call(desk, 'PUT', entryUrl('450100', 'help'), body), 403)
    expectProblem(await call(desk, 'DELETE', entryUrl('450100', 'help')), 403)
    expect(responsibilityEntriesSchema.parse((await call(admin, 'GET', LIST)).json())).toEqual({
      entries: [],
    })
  })

  it('puts the lead unit first in the suggestions, then the co-units, and follows changes', async () => {
    const ticket = await reportTicket(store().db, { ...PLAIN_SUGGESTION, divisionCode: '450103' })
    expect(await suggestedFor(ticket.id)).toEqual([])

    const put = await call(admin, 'PUT', entryUrl('450100', 'suggestion'), {
      leadUnitId: unitId,
      coUnitIds: ['nanning-commerce', 'region-commerce'],
    })
    expect(put.statusCode, put.body).toBe(200)
    expect(responsibilityEntrySchema.parse(put.json())).toMatchObject({
      divisionCode: '450100',
      category: 'suggestion',
      leadUnitId: unitId,
    })
    const listed = await suggestedFor(ticket.id)
    expect(listed.map((u) => [u.id, u.listedAs])).toEqual([
      [unitId, 'lead'],
      ['nanning-commerce', 'co'],
      ['region-commerce', 'co'],
    ])
    expect(listed[0]).toMatchObject({ name: '南宁市行政审批局', hits: 0 })

    // Another category in the same city, or the same category in another city: not this entry.
    const help = await reportTicket(store().db, { ...PLAIN_SUGGESTION, category: 'help' })
    expect(await suggestedFor(help.id)).toEqual([])

    await call(admin, 'PUT', entryUrl('450100', 'suggestion'), { leadUnitId: 'nanning-amr' })
    expect((await suggestedFor(ticket.id)).map((u) => [u.id, u.listedAs])).toEqual([
      ['nanning-amr', 'lead'],
    ])
    const removed = await call(admin, 'DELETE', entryUrl('450100', 'suggestion'))
    expect(removed.statusCode).toBe(204)
    expect(await suggestedFor(ticket.id)).toEqual([])
    expect((await call(admin, 'DELETE', entryUrl('450100', 'suggestion'))).statusCode).toBe(204)
    expect((await auditOf(store().db, 'responsibility_removed')).length).toBe(1)
    expect((await auditOf(store().db, 'responsibility_set')).map((a) => a.detail)).toContainEqual({
      divisionCode: '450100',
      category: 'suggestion',
      leadUnitId: 'nanning-amr',
      coUnitIds: [],
    })
  })

  it('lets a county entry win over its city’s, and a keyword match still follows', async () => {
    await call(admin, 'PUT', entryUrl('450100', 'complaint'), { leadUnitId: 'nanning-tax' })
    await call(admin, 'PUT', entryUrl('450103', 'complaint'), { leadUnitId: unitId })
    const ticket = await reportTicket(store().db, { divisionCode: '450103' })
    const units = await suggestedFor(ticket.id)
    expect(units[0]).toMatchObject({ id: unitId, listedAs: 'lead' })
    expect(units[1]).toMatchObject({ id: 'nanning-amr', listedAs: null })
    expect(units.map((u) => u.id)).not.toContain('nanning-tax')
  })

  it('refuses units that are unknown, inactive, of another division, or named twice', async () => {
    const off = await call(admin, 'POST', '/api/staff/admin/units', {
      name: '南宁市已撤销局',
      level: 'city',
      divisionCode: '450100',
    })
    const retired = adminUnitSchema.parse(off.json()).id
    await call(admin, 'PATCH', `/api/staff/admin/units/${retired}`, { active: false })
    const problem = expectProblem(
      await call(admin, 'PUT', entryUrl('450100', 'help'), {
        leadUnitId: 'liuzhou-amr',
        coUnitIds: ['unit-nowhere', retired, 'liuzhou-amr', 'region-amr', 'region-amr'],
      }),
      422,
    )
    expect(problem.errors).toEqual([
      { field: 'leadUnitId', code: 'outside_division' },
      { field: 'coUnitIds.0', code: 'unknown_unit' },
      { field: 'coUnitIds.1', code: 'inactive_unit' },
      { field: 'coUnitIds.2', code: 'lead_repeated' },
      { field: 'coUnitIds.4', code: 'duplicate' },
    ])
    // A city unit may not lead the region's matters.
    const region = await call(admin, 'PUT', entryUrl('450000', 'help'), { leadUnitId: unitId })
    expect(expectProblem(region, 422).errors).toEqual([
      { field: 'leadUnitId', code: 'outside_division' },
    ])
    expectProblem(
      await call(admin, 'PUT', entryUrl('450100', 'gossip'), { leadUnitId: unitId }),
      404,
    )
    expectProblem(await call(admin, 'PUT', entryUrl('110000', 'help'), { leadUnitId: unitId }), 404)
    const entries = responsibilityEntriesSchema.parse((await call(admin, 'GET', LIST)).json())
    expect(entries.entries.some((e) => e.category === 'help')).toBe(false)
  })

  it('keeps a unit the list names from being deactivated', async () => {
    await call(admin, 'PUT', entryUrl('450100', 'report'), {
      leadUnitId: 'nanning-amr',
      coUnitIds: ['nanning-housing'],
    })
    const res = await call(admin, 'PATCH', '/api/staff/admin/units/nanning-housing', {
      active: false,
    })
    expect(expectProblem(res, 409).type).toBe('urn:guishang:problem:unit_on_responsibility_list')
  })
})
