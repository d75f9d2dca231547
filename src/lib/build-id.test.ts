import { describe, expect, it } from 'vitest'
import { formatBuildId } from './build-id'

// Issue 17: the home screen showed "版本 2026-12-07T02:58:11Z".
describe('the build shown on the home screen', () => {
  it('is the build time in China time, not a raw ISO timestamp', () => {
    expect(formatBuildId('2026-12-07T02:58:11Z', 'zh-CN')).toBe('2026年12月7日 10:58')
    expect(formatBuildId('2026-12-07T17:30:00Z', 'en')).toBe('Dec 8, 2026, 01:30')
  })

  it('is a release name as it was given', () => {
    expect(formatBuildId('v1.4.2', 'zh-CN')).toBe('v1.4.2')
    expect(formatBuildId('dev', 'en')).toBe('dev')
  })
})
