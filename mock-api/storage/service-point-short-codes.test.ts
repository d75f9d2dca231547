import type { Kysely } from 'kysely'
import { Migrator } from 'kysely'
import { describe, expect, it } from 'vitest'
import { normalizeShortCode } from '../shared/short-code.js'
import { databases, useStore } from '../test/databases.js'
import { MIGRATIONS, migrateToLatest } from './migrate.js'
import { newShortCode } from './service-point-short-codes.js'
import { findServicePointByShortCode, insertServicePoint } from './service-points.js'

const AT = '2026-02-13T02:00:00.000Z'
const BEFORE_SHORT_CODES = '0012_dispatch_clock'

describe('newShortCode', () => {
  it('draws six characters without 0/O/1/I/L, read back as typed', () => {
    const codes = Array.from({ length: 500 }, () => newShortCode())
    for (const code of codes) {
      expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/)
      expect(normalizeShortCode(code.toLowerCase())).toBe(code)
    }
    expect(new Set(codes).size).toBeGreaterThan(490)
  })
})

describe.each(databases)('short codes in storage on $name', (database) => {
  const store = useStore(database, { migrate: false })

  it('gives the points that exist before the migration a unique code each', async () => {
    const { db } = store()
    const migrator = new Migrator({
      db,
      provider: {
        getMigrations: () =>
          Promise.resolve(
            Object.fromEntries(
              Object.entries(MIGRATIONS).filter(([name]) => name <= BEFORE_SHORT_CODES),
            ),
          ),
      },
    })
    const { error } = await migrator.migrateToLatest()
    expect(error).toBeUndefined()
    const old = ['sp-a', 'sp-b', 'sp-c'].map((id) => ({
      id,
      name: `大厅 ${id}`,
      hall: '大厅',
      window: id,
      division_code: '450103',
      desk_division_code: '450100',
      created_at: AT,
    }))
    // Written as the schema before 0013 had it: no short_code column.
    await (db as unknown as Kysely<{ service_points: (typeof old)[number] }>)
      .insertInto('service_points')
      .values(old)
      .execute()

    expect(await migrateToLatest(db)).toEqual(['0013_short_codes'])
    const rows = await db.selectFrom('service_points').select(['id', 'short_code']).execute()
    const codes = rows.map((row) => row.short_code)
    expect(codes.every((code) => normalizeShortCode(code) === code)).toBe(true)
    expect(new Set(codes).size).toBe(3)
    const first = rows[0]
    expect((await findServicePointByShortCode(db, first?.short_code ?? ''))?.id).toBe(first?.id)

    // A code is unique in the table: a point given a taken one is refused, a drawn one is fresh.
    const taken = first?.short_code ?? ''
    const fresh = { ...old[0], id: 'sp-d' } as (typeof old)[number]
    await expect(insertServicePoint(db, { ...fresh, short_code: taken })).rejects.toThrow()
    const inserted = await insertServicePoint(db, fresh)
    expect(codes).not.toContain(inserted.short_code)
  })
})
