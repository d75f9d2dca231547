import { describe, expect, it } from 'vitest'
import {
  addCalendarDays,
  calendarDaysBetween,
  chinaDateOf,
  endOfChinaDate,
  isChinaDate,
  toChinaIso,
  weekdayOf,
} from './china-time.js'

describe('china time', () => {
  it('puts 23:30 China time (15:30 UTC) on that day and 00:30 (16:30 UTC) on the next', () => {
    expect(chinaDateOf(new Date('2026-03-12T15:30:00Z'))).toBe('2026-03-12')
    expect(chinaDateOf(new Date('2026-03-12T15:59:59.999Z'))).toBe('2026-03-12')
    expect(chinaDateOf(new Date('2026-03-12T16:00:00Z'))).toBe('2026-03-13')
    expect(chinaDateOf(new Date('2026-03-12T16:30:00Z'))).toBe('2026-03-13')
  })

  it('ends a day at 24:00 China time, written as the next day 00:00 +08:00', () => {
    const end = endOfChinaDate('2026-03-05')
    expect(end.toISOString()).toBe('2026-03-05T16:00:00.000Z')
    expect(toChinaIso(end)).toBe('2026-03-06T00:00:00+08:00')
    expect(chinaDateOf(new Date(end.getTime() - 1))).toBe('2026-03-05')
  })

  it('formats any instant in China time with the +08:00 offset', () => {
    expect(toChinaIso(new Date('2026-12-31T20:15:30Z'))).toBe('2027-01-01T04:15:30+08:00')
  })

  it('steps across month, year and leap-day boundaries', () => {
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(calendarDaysBetween('2026-02-13', '2026-03-05')).toBe(20)
    expect(calendarDaysBetween('2026-03-05', '2026-02-13')).toBe(-20)
  })

  it('knows the weekday (0 = Sunday)', () => {
    expect(weekdayOf('2026-02-13')).toBe(5)
    expect(weekdayOf('2026-02-14')).toBe(6)
    expect(weekdayOf('2026-02-15')).toBe(0)
    expect(weekdayOf('2027-01-01')).toBe(5)
  })

  it('accepts only real YYYY-MM-DD dates', () => {
    expect(isChinaDate('2028-02-29')).toBe(true)
    for (const bad of [
      '2026-02-29',
      '2026-02-30',
      '2026-13-01',
      '2026-3-5',
      '2026-03-05T00:00',
      '',
    ])
      expect(isChinaDate(bad), bad).toBe(false)
    expect(() => addCalendarDays('2026-02-30', 1)).toThrow(RangeError)
  })
})
