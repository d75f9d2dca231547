// The statistics' period: whole China months (Asia/Shanghai, UTC+8 without daylight saving).
import { REGION_CODE, countiesOf, findDivision } from './jurisdiction.js'

const OFFSET_MS = 8 * 3_600_000

/** The instant a China month 'YYYY-MM' begins (00:00 +08:00 on its first day). */
export function monthStart(month: string): Date {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(year, monthNumber - 1, 1) - OFFSET_MS)
}

/** The instant after the China month 'YYYY-MM' ends. */
export function monthEnd(month: string): Date {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(year, monthNumber, 1) - OFFSET_MS)
}

/** Tickets created from the start of `from` up to the end of `to`, both months inclusive. */
export function periodOf(range: { from?: string; to?: string }): { from?: Date; before?: Date } {
  return {
    ...(range.from === undefined ? {} : { from: monthStart(range.from) }),
    ...(range.to === undefined ? {} : { before: monthEnd(range.to) }),
  }
}

/**
 * The divisions a city filter keeps: the city and its counties; for the region (450000), the
 * region-level tickets only. Null for a code that is neither a city nor the region.
 */
export function cityDivisions(cityCode: string): string[] | null {
  if (cityCode === REGION_CODE) return [REGION_CODE]
  if (findDivision(cityCode)?.parent !== REGION_CODE) return null
  return [cityCode, ...countiesOf(cityCode).map((county) => county.code)]
}
