import { describe, expect, it } from 'vitest'
import { createHolidayCalendar } from './holidays.js'

describe('holiday calendar from the package', () => {
  const calendar = createHolidayCalendar()

  it('follows the 2026 State Council arrangement, make-up working days included', () => {
    expect(calendar.isWorkingDay('2026-02-13')).toBe(true) // Friday
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true) // Saturday, make-up working day
    for (const day of ['2026-02-15', '2026-02-16', '2026-02-20', '2026-02-23'])
      expect(calendar.isWorkingDay(day), day).toBe(false) // Spring Festival
    expect(calendar.isWorkingDay('2026-02-24')).toBe(true)
    expect(calendar.isWorkingDay('2026-02-28')).toBe(true) // Saturday, make-up working day
    expect(calendar.isWorkingDay('2026-10-01')).toBe(false) // National Day
    expect(calendar.isWorkingDay('2026-10-07')).toBe(false)
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true) // Saturday, make-up working day
  })

  it('treats an ordinary weekend as closed', () => {
    expect(calendar.isWorkingDay('2026-03-14')).toBe(false)
    expect(calendar.isWorkingDay('2026-03-15')).toBe(false)
    expect(calendar.isWorkingDay('2026-03-16')).toBe(true)
  })

  it('covers the package years and no later one', () => {
    expect(calendar.coveredYears[0]).toBe(2004)
    expect(calendar.coveredYears.at(-1)).toBe(2026)
    expect(calendar.isCovered('2026-12-31')).toBe(true)
    expect(calendar.isCovered('2027-01-01')).toBe(false)
  })

  it('judges an uncovered year Monday to Friday', () => {
    expect(calendar.isWorkingDay('2027-01-01')).toBe(true) // New Year's Day, but no data yet
    expect(calendar.isWorkingDay('2027-01-02')).toBe(false)
  })
})

describe('office overrides', () => {
  it('win over the package data in a covered year', () => {
    const calendar = createHolidayCalendar({
      overrides: [
        { date: '2026-03-16', kind: 'holiday', note: 'typhoon closure' },
        { date: '2026-02-14', kind: 'holiday' },
        { date: '2026-02-16', kind: 'workday' },
      ],
    })
    expect(calendar.isWorkingDay('2026-03-16')).toBe(false)
    expect(calendar.isWorkingDay('2026-02-14')).toBe(false)
    expect(calendar.isWorkingDay('2026-02-16')).toBe(true)
  })

  it('are honoured in an uncovered year, which becomes covered once marked complete', () => {
    const overrides = [{ date: '2027-02-08', kind: 'holiday' as const }]
    const partial = createHolidayCalendar({ overrides })
    expect(partial.isWorkingDay('2027-02-08')).toBe(false)
    expect(partial.isCovered('2027-02-08')).toBe(false)

    const complete = createHolidayCalendar({ overrides, completeYears: [2027] })
    expect(complete.isCovered('2027-02-08')).toBe(true)
    expect(complete.coveredYears.at(-1)).toBe(2027)
  })

  it('refuse a malformed date or two entries that disagree', () => {
    expect(() =>
      createHolidayCalendar({ overrides: [{ date: '2027-2-8', kind: 'holiday' }] }),
    ).toThrow(RangeError)
    expect(() =>
      createHolidayCalendar({
        overrides: [
          { date: '2027-02-08', kind: 'holiday' },
          { date: '2027-02-08', kind: 'workday' },
        ],
      }),
    ).toThrow(/disagree/)
  })
})
