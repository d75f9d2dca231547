// Laws of the working-day calendar over 2024-2028: 2024-2026 come from the package, 2027-2028 are
// provisional (Monday-Friday) apart from a few office overrides.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { chinaDateOf, endOfChinaDate } from './china-time.js'
import { dueStatus } from './deadlines.js'
import { createHolidayCalendar } from './holidays.js'
import { countWorkingDays, deadlineAfter, workingDaysLeft } from './working-days.js'

const calendar = createHolidayCalendar({
  overrides: [
    { date: '2027-02-08', kind: 'holiday' },
    { date: '2027-02-09', kind: 'holiday' },
    { date: '2027-02-13', kind: 'workday' },
  ],
})

const instant = fc.date({
  min: new Date('2024-01-01T00:00:00+08:00'),
  max: new Date('2028-12-31T23:59:59+08:00'),
  noInvalidDate: true,
})
const workingDays = fc.integer({ min: 1, max: 15 })
const DAY_MS = 86_400_000

describe('working-day laws', () => {
  it('adding N working days then counting from the same start gives N', () => {
    fc.assert(
      fc.property(instant, workingDays, fc.integer({ min: 0, max: DAY_MS - 1 }), (start, n, ms) => {
        const due = deadlineAfter(start, n, calendar)
        const onLastDay = new Date(endOfChinaDate(due.date).getTime() - DAY_MS + ms)
        expect(countWorkingDays(start, onLastDay, calendar)).toBe(n)
        expect(workingDaysLeft(start, due.at, calendar)).toBe(n)
      }),
    )
  })

  it('never puts a deadline on a non-working day', () => {
    fc.assert(
      fc.property(instant, workingDays, (start, n) => {
        const due = deadlineAfter(start, n, calendar)
        expect(chinaDateOf(new Date(due.at.getTime() - 1))).toBe(due.date)
        expect(calendar.isWorkingDay(due.date)).toBe(true)
      }),
    )
  })

  it('never gives a later start an earlier deadline', () => {
    fc.assert(
      fc.property(instant, instant, workingDays, (a, b, n) => {
        const [early, late] = a <= b ? [a, b] : [b, a]
        const dueEarly = deadlineAfter(early, n, calendar).at.getTime()
        expect(deadlineAfter(late, n, calendar).at.getTime()).toBeGreaterThanOrEqual(dueEarly)
      }),
    )
  })

  it('is provisional exactly when the counted days reach an uncovered year', () => {
    fc.assert(
      fc.property(instant, workingDays, (start, n) => {
        const due = deadlineAfter(start, n, calendar)
        expect(due.provisional).toBe(due.date >= '2027-01-01')
      }),
    )
  })
})

describe('due flag laws', () => {
  it('is never near due and overdue at once', () => {
    fc.assert(
      fc.property(instant, workingDays, instant, (start, n, now) => {
        const flags = dueStatus(deadlineAfter(start, n, calendar), now, calendar)
        expect(flags.nearDue && flags.overdue).toBe(false)
        expect(flags.overdue).toBe(now >= deadlineAfter(start, n, calendar).at)
      }),
    )
  })

  it('never gains working days left as time passes', () => {
    fc.assert(
      fc.property(instant, workingDays, instant, instant, (start, n, a, b) => {
        const { at } = deadlineAfter(start, n, calendar)
        const [earlier, later] = a <= b ? [a, b] : [b, a]
        expect(workingDaysLeft(later, at, calendar)).toBeLessThanOrEqual(
          workingDaysLeft(earlier, at, calendar),
        )
      }),
    )
  })
})
