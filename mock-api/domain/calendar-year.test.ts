import { describe, expect, it } from 'vitest'
import { calendarYearDays } from './calendar-year.js'
import { isPackageYear, packageDaysIn } from './holidays.js'

describe('a year of the calendar as the office reviews it', () => {
  it('lists package days that differ from Monday–Friday, with the holiday’s name', () => {
    const days = calendarYearDays(2026, packageDaysIn(2026), [])
    const dates = days.map((d) => d.date)
    expect(dates).toContain('2026-02-14') // Saturday make-up working day
    expect(dates).toContain('2026-02-16') // Monday in the Spring Festival
    expect(dates).not.toContain('2026-02-15') // a Sunday off anyway
    expect(days.find((d) => d.date === '2026-10-01')).toEqual({
      date: '2026-10-01',
      kind: 'holiday',
      source: 'package',
      name: { zh: '国庆节', en: 'National Day' },
      note: null,
    })
    expect(dates).toEqual([...dates].sort())
  })

  it('lists every override of the year, winning over the package day of its date', () => {
    const overrides = [
      { date: '2026-02-16', kind: 'workday' as const, note: '改为上班' },
      { date: '2026-03-14', kind: 'holiday' as const },
      { date: '2027-01-01', kind: 'holiday' as const },
    ]
    const days = calendarYearDays(2026, packageDaysIn(2026), overrides)
    expect(days.find((d) => d.date === '2026-02-16')).toMatchObject({
      kind: 'workday',
      source: 'override',
      note: '改为上班',
    })
    // A Saturday closed by an override changes nothing, but the office sees what it entered.
    expect(days.find((d) => d.date === '2026-03-14')).toMatchObject({ source: 'override' })
    expect(days.some((d) => d.date === '2027-01-01')).toBe(false)
  })

  it('knows which years the package covers', () => {
    expect(isPackageYear(2026)).toBe(true)
    expect(isPackageYear(2030)).toBe(false)
    expect(packageDaysIn(2030)).toEqual([])
  })
})
