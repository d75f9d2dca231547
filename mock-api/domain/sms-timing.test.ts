import { describe, expect, it } from 'vitest'
import { nextChinaMorning, quietHoursEnd, startOfChinaDay } from './sms-timing.js'

const at = (iso: string) => new Date(iso)

describe('SMS quiet hours (21:00-08:00 China time)', () => {
  it('lets a message out from 08:00 until just before 21:00', () => {
    expect(quietHoursEnd(at('2026-02-13T08:00:00+08:00'))).toBeNull()
    expect(quietHoursEnd(at('2026-02-13T20:59:59+08:00'))).toBeNull()
  })

  it('holds an evening message until 08:00 the next morning', () => {
    expect(quietHoursEnd(at('2026-02-13T21:00:00+08:00'))).toEqual(at('2026-02-14T08:00:00+08:00'))
    expect(quietHoursEnd(at('2026-02-13T23:59:00+08:00'))).toEqual(at('2026-02-14T08:00:00+08:00'))
  })

  it('holds an early-morning message until 08:00 the same day', () => {
    expect(quietHoursEnd(at('2026-02-14T00:30:00+08:00'))).toEqual(at('2026-02-14T08:00:00+08:00'))
    expect(quietHoursEnd(at('2026-02-14T07:59:59+08:00'))).toEqual(at('2026-02-14T08:00:00+08:00'))
  })

  it('counts a day from China midnight and resumes the next China morning', () => {
    expect(startOfChinaDay(at('2026-02-13T16:30:00Z'))).toEqual(at('2026-02-14T00:00:00+08:00'))
    expect(nextChinaMorning(at('2026-02-13T10:00:00+08:00'))).toEqual(
      at('2026-02-14T08:00:00+08:00'),
    )
  })
})
