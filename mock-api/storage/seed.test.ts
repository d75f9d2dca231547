import { describe, expect, it } from 'vitest'
import { databases, useStore } from '../test/databases.js'
import { verifyPassword } from './passwords.js'
import { seedDemo } from './seed.js'

const NOW = new Date('2026-02-13T02:00:00.000Z')
const PASSWORD = 'a-demo-password'

describe.each(databases)('the demo seed on $name', (database) => {
  const store = useStore(database)

  it('creates units, responsibilities, service points and the nine staff accounts once', async () => {
    const { db } = store()
    const first = await seedDemo(db, { password: PASSWORD, now: NOW })
    expect(first.staff).toBe(9)
    expect(first.units).toBeGreaterThanOrEqual(10)
    expect(first.servicePoints).toBeGreaterThanOrEqual(3)
    expect(first.responsibilities).toBeGreaterThanOrEqual(first.units)
    const second = await seedDemo(db, { password: 'another-password', now: NOW })
    expect(second).toEqual({ units: 0, responsibilities: 0, servicePoints: 0, staff: 0 })
  })

  it('gives each account its role and scope', async () => {
    const { db } = store()
    const staff = await db
      .selectFrom('staff')
      .leftJoin('units', 'units.id', 'staff.unit_id')
      .select(['username', 'role', 'staff.division_code', 'units.name as unit', 'service_point_id'])
      .orderBy('username')
      .execute()
    expect(staff).toEqual([
      { username: 'admin', role: 'admin', division_code: null, unit: null, service_point_id: null },
      {
        username: 'desk.liuzhou',
        role: 'desk',
        division_code: '450200',
        unit: null,
        service_point_id: null,
      },
      {
        username: 'desk.nanning',
        role: 'desk',
        division_code: '450100',
        unit: null,
        service_point_id: null,
      },
      {
        username: 'desk.region',
        role: 'desk',
        division_code: '450000',
        unit: null,
        service_point_id: null,
      },
      {
        username: 'office.nanning',
        role: 'office',
        division_code: '450100',
        unit: null,
        service_point_id: null,
      },
      {
        username: 'office.region',
        role: 'office',
        division_code: '450000',
        unit: null,
        service_point_id: null,
      },
      {
        username: 'station.qingxiu',
        role: 'workstation',
        division_code: '450103',
        unit: null,
        service_point_id: null,
      },
      {
        username: 'unit.nanning.amr',
        role: 'unit',
        division_code: '450100',
        unit: '南宁市市场监督管理局',
        service_point_id: null,
      },
      {
        username: 'window.nanning',
        role: 'window',
        division_code: '450100',
        unit: null,
        service_point_id: 'sp-nanning-center-3',
      },
    ])
  })

  it('stores the demo password hashed, and it verifies', async () => {
    const { db } = store()
    const rows = await db.selectFrom('staff').select(['username', 'password_hash']).execute()
    expect(new Set(rows.map((row) => row.password_hash)).size).toBe(rows.length)
    for (const row of rows) expect(row.password_hash).not.toContain(PASSWORD)
    const admin = rows.find((row) => row.username === 'admin')
    expect(await verifyPassword(PASSWORD, admin?.password_hash ?? '')).toBe(true)
    expect(await verifyPassword('another-password', admin?.password_hash ?? '')).toBe(false)
  })

  it('places service points in the region and both cities, each feeding a seeded desk', async () => {
    const { db } = store()
    const points = await db.selectFrom('service_points').selectAll().execute()
    const desks = new Set(points.map((p) => p.desk_division_code))
    expect(desks).toEqual(new Set(['450000', '450100', '450200']))
    expect(points.map((p) => p.name)).toContain('南宁市政务服务中心 3号窗口')
    expect(points.every((p) => p.retired_at === null && p.token_version === 1)).toBe(true)
  })

  it('gives every unit a responsibility list with keywords', async () => {
    const { db } = store()
    const units = await db.selectFrom('units').select(['id', 'division_code']).execute()
    expect(new Set(units.map((u) => u.division_code))).toEqual(
      new Set(['450000', '450100', '450200']),
    )
    const duties = await db.selectFrom('responsibilities').selectAll().execute()
    for (const unit of units) {
      const own = duties.filter((d) => d.unit_id === unit.id)
      expect(own.length).toBeGreaterThan(0)
      for (const duty of own) expect(JSON.parse(duty.keywords)).not.toHaveLength(0)
    }
  })
})
