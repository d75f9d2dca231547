import { describe, expect, it } from 'vitest'
import { createHolidayCalendar, isNationalPackageDay, regionalDaysIn } from './holidays.js'
import { addWorkingDays } from './working-days.js'

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

describe('壮族三月三, Guangxi’s regional holiday', () => {
  const calendar = createHolidayCalendar()

  it('closes the 3rd and 4th days of the third lunar month, every year', () => {
    expect(regionalDaysIn(2025).map((d) => d.date)).toEqual(['2025-03-31', '2025-04-01'])
    expect(regionalDaysIn(2026).map((d) => d.date)).toEqual(['2026-04-19', '2026-04-20'])
    // Monday and Tuesday in 2025, both weekdays that would otherwise be worked.
    expect(calendar.isWorkingDay('2025-03-31')).toBe(false)
    expect(calendar.isWorkingDay('2025-04-01')).toBe(false)
    expect(calendar.isWorkingDay('2025-04-02')).toBe(true)
    // A year the package does not cover still has them (the day is provisional, not open).
    const [first] = regionalDaysIn(2030)
    expect(first?.date).toBe('2030-04-05')
    expect(calendar.isWorkingDay('2030-04-05')).toBe(false)
    expect(calendar.isCovered('2030-04-05')).toBe(false)
  })

  it('lets an override open a regional day, and leaves national days to the package', () => {
    const arranged = createHolidayCalendar({
      overrides: [{ date: '2025-04-01', kind: 'workday', note: '自治区安排' }],
    })
    expect(arranged.isWorkingDay('2025-04-01')).toBe(true)
    expect(arranged.isWorkingDay('2025-03-31')).toBe(false)
    expect(isNationalPackageDay('2025-04-04')).toBe(true) // 清明
    expect(isNationalPackageDay('2025-03-31')).toBe(false)
    expect(regionalDaysIn(1800)).toEqual([])
  })

  it('moves a complaint deadline past the regional days', () => {
    // Dispatched Friday 28 March 2025: 31 Mar and 1 Apr (三月三) and 4-6 Apr (清明) are off.
    const due = addWorkingDays(new Date('2025-03-28T02:00:00Z'), 10, calendar)
    expect(due).toEqual({ date: '2025-04-16', provisional: false })
  })
})
