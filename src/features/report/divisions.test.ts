import { describe, expect, it } from 'vitest'
import { DIVISIONS } from '../../../mock-api/contract'
import { DIVISION_NAMES_EN } from './division-names-en'
import committed from './division-names-en.ts?raw'
import { renderDivisionNamesEnModule } from '../../../scripts/division-names-en-source'
import { divisionLabel, divisionName } from './divisions'

// Issue 17: city and county names stayed Chinese in the English picker.
describe('division names', () => {
  it('are official Chinese in Chinese and pinyin in English', () => {
    expect(divisionName('450103', 'zh-CN')).toBe('青秀区')
    expect(divisionName('450103', 'en')).toBe('Qingxiu District')
    expect(divisionName('450100', 'en')).toBe('Nanning')
    expect(divisionName('450181', 'en')).toBe('Hengzhou City')
    expect(divisionName('450123', 'en')).toBe("Long'an County")
    expect(divisionName('451228', 'en')).toBe("Du'an Yao Autonomous County")
    expect(divisionName('450328', 'en')).toBe('Longsheng Various Nationalities Autonomous County')
  })

  it('label a place smallest first in English, as addresses are written there', () => {
    expect(divisionLabel('450103', 'zh-CN')).toBe('南宁市 青秀区')
    expect(divisionLabel('450103', 'en')).toBe('Qingxiu District, Nanning')
    expect(divisionLabel('450000', 'en')).toBe('Guangxi Zhuang Autonomous Region')
  })

  it('cover every division, as generated (run `npm run divisions:generate` if not)', () => {
    expect(Object.keys(DIVISION_NAMES_EN).sort()).toEqual(DIVISIONS.map((d) => d.code).sort())
    expect(new Set(Object.values(DIVISION_NAMES_EN)).size).toBe(DIVISIONS.length)
    expect(renderDivisionNamesEnModule()).toBe(committed)
  })
})
