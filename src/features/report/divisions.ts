import { DIVISIONS } from '../../../mock-api/shared/divisions'
import { DIVISION_NAMES_EN } from './division-names-en'

/** The region itself: region-level matters, and those that span cities. */
export const REGION_CODE = '450000'
const REGION_NAME = { zh: '广西壮族自治区', en: 'Guangxi Zhuang Autonomous Region' }

const byCode = new Map(DIVISIONS.map((division) => [division.code, division]))

export const CITIES = DIVISIONS.filter((division) => division.parent === REGION_CODE)

export const countiesOf = (cityCode: string) =>
  DIVISIONS.filter((division) => division.parent === cityCode)

/** A division code split into the picker's two choices; the region counts as a city. */
export function cityAndCounty(code: string | null): { city: string; county: string } {
  const division = code === null ? undefined : byCode.get(code)
  if (code === REGION_CODE) return { city: REGION_CODE, county: '' }
  if (!division) return { city: '', county: '' }
  return division.parent === REGION_CODE
    ? { city: division.code, county: '' }
    : { city: division.parent, county: division.code }
}

/**
 * A division's name in the app's language: the official Chinese name, or in English its pinyin
 * form (Qingxiu District), generated into division-names-en.ts.
 */
export function divisionName(code: string, language: string): string {
  const name = byCode.get(code)?.name ?? code
  return language === 'en' ? (DIVISION_NAMES_EN[code] ?? name) : name
}

/** "南宁市 青秀区" ("Qingxiu District, Nanning"), "南宁市", or the region's name. */
export function divisionLabel(code: string, language: string): string {
  const isEnglish = language === 'en'
  if (code === REGION_CODE) return isEnglish ? REGION_NAME.en : REGION_NAME.zh
  const { city, county } = cityAndCounty(code)
  const parts = [city, county].filter(Boolean).map((part) => divisionName(part, language))
  return isEnglish ? parts.reverse().join(', ') : parts.join(' ')
}
