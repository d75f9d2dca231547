import { describe, expect, it } from 'vitest'
import { formatBuildId } from './build-id'

// What Intl.DateTimeFormat says (the app formats by hand to keep ICU off home's start-up).
function intlFormat(id: string, language: string): string {
  return new Intl.DateTimeFormat(language, {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: language === 'en' ? 'short' : 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(id))
}

// Issue 17: the home screen showed "版本 2026-12-07T02:58:11Z".
describe('the build shown on the home screen', () => {
  it('is the build time in China time, not a raw ISO timestamp', () => {
    expect(formatBuildId('2026-12-07T02:58:11Z', 'zh-CN')).toBe('2026年12月7日 10:58')
    expect(formatBuildId('2026-12-07T17:30:00Z', 'en')).toBe('Dec 8, 2026, 01:30')
  })

  it('reads as Intl writes China time, across days, months, years and leap days', () => {
    const ids = [
      '2026-12-31T16:00:00Z',
      '2026-12-31T15:59:59Z',
      '2028-02-28T16:05:00Z',
      '2026-06-30T23:59:00.123Z',
      '2027-01-01T00:00Z',
      '2026-03-09T09:07:00Z',
    ]
    for (const id of ids) {
      for (const language of ['zh-CN', 'en']) {
        expect(formatBuildId(id, language), `${id} ${language}`).toBe(intlFormat(id, language))
      }
    }
  })

  it('is a release name as it was given', () => {
    expect(formatBuildId('v1.4.2', 'zh-CN')).toBe('v1.4.2')
    expect(formatBuildId('dev', 'en')).toBe('dev')
  })
})
