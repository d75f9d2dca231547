import { describe, expect, it } from 'vitest'
import { createHolidayCalendar } from './holidays.js'
import { addWorkingDays, countWorkingDays, deadlineAfter, workingDaysLeft } from './working-days.js'

const calendar = createHolidayCalendar()
const china = (local: string) => new Date(`${local}+08:00`)

describe('addWorkingDays / deadlineAfter', () => {
  it("meets DOMAIN.md's worked example whatever the time on the start day", () => {
    // Sat 14 Feb and Sat 28 Feb are make-up working days; 15-23 Feb is the Spring Festival.
    for (const start of ['2026-02-13T00:00:00', '2026-02-13T10:00:00', '2026-02-13T23:59:59']) {
      const due = deadlineAfter(china(start), 10, calendar)
      expect(due.date, start).toBe('2026-03-05')
      expect(due.at).toEqual(china('2026-03-06T00:00:00'))
      expect(due.provisional).toBe(false)
    }
  })

  it('skips an ordinary weekend after a Friday', () => {
    expect(addWorkingDays(china('2026-03-13T17:00:00'), 1, calendar).date).toBe('2026-03-16')
    expect(addWorkingDays(china('2026-03-13T17:00:00'), 5, calendar).date).toBe('2026-03-20')
  })

  it('skips National Day 2026 and counts its Sunday and Saturday make-up days', () => {
    expect(addWorkingDays(china('2026-09-18T09:00:00'), 1, calendar).date).toBe('2026-09-20')
    expect(addWorkingDays(china('2026-09-30T09:00:00'), 1, calendar).date).toBe('2026-10-08')
    expect(addWorkingDays(china('2026-09-30T09:00:00'), 3, calendar).date).toBe('2026-10-10')
  })

  it('starts from the China date, not the UTC date', () => {
    // Thursday 23:30 China time = 15:30 UTC; 00:30 Friday China time = 16:30 UTC Thursday.
    expect(addWorkingDays(new Date('2026-03-12T15:30:00Z'), 1, calendar).date).toBe('2026-03-13')
    expect(addWorkingDays(new Date('2026-03-12T16:30:00Z'), 1, calendar).date).toBe('2026-03-16')
  })

  it('counts Monday to Friday in an uncovered year and says so', () => {
    expect(addWorkingDays(china('2027-02-05T10:00:00'), 1, calendar)).toEqual({
      date: '2027-02-08',
      provisional: true,
    })
    expect(addWorkingDays(china('2026-12-30T10:00:00'), 1, calendar).provisional).toBe(false)
    expect(addWorkingDays(china('2026-12-31T10:00:00'), 1, calendar)).toEqual({
      date: '2027-01-01',
      provisional: true,
    })
  })

  it("honours the office's overrides, and a year marked complete is not provisional", () => {
    const overrides = [{ date: '2027-02-08', kind: 'holiday' as const }]
    const partial = createHolidayCalendar({ overrides })
    expect(addWorkingDays(china('2027-02-05T10:00:00'), 1, partial)).toEqual({
      date: '2027-02-09',
      provisional: true,
    })
    const complete = createHolidayCalendar({ overrides, completeYears: [2027] })
    expect(addWorkingDays(china('2027-02-05T10:00:00'), 1, complete)).toEqual({
      date: '2027-02-09',
      provisional: false,
    })
  })

  it('refuses a count that is not a whole number of at least 1', () => {
    for (const days of [0, -1, 1.5, Number.NaN])
      expect(() => addWorkingDays(china('2026-03-13T10:00:00'), days, calendar)).toThrow(RangeError)
  })
})

describe('countWorkingDays / workingDaysLeft', () => {
  it('counts after the start date up to and including the end date', () => {
    const start = china('2026-02-13T10:00:00')
    expect(countWorkingDays(start, china('2026-02-13T23:00:00'), calendar)).toBe(0)
    expect(countWorkingDays(start, china('2026-02-14T00:00:00'), calendar)).toBe(1)
    expect(countWorkingDays(start, china('2026-02-23T12:00:00'), calendar)).toBe(1)
    expect(countWorkingDays(start, china('2026-03-05T23:59:59'), calendar)).toBe(10)
    expect(countWorkingDays(china('2026-03-05T08:00:00'), start, calendar)).toBe(-10)
  })

  it('leaves the due day itself as 0 and counts late working days negatively', () => {
    const dueAt = china('2026-03-13T00:00:00') // 24:00 Thursday 12 March
    expect(workingDaysLeft(china('2026-03-10T10:00:00'), dueAt, calendar)).toBe(2)
    expect(workingDaysLeft(china('2026-03-11T10:00:00'), dueAt, calendar)).toBe(1)
    expect(workingDaysLeft(china('2026-03-12T23:59:59'), dueAt, calendar)).toBe(0)
    expect(workingDaysLeft(dueAt, dueAt, calendar)).toBe(-1)
    expect(workingDaysLeft(china('2026-03-16T09:00:00'), dueAt, calendar)).toBe(-2)
  })
})
