/** Which build this page runs: set by vite.config.ts at build time, `dev` elsewhere. */
export const BUILD_ID: string = import.meta.env.VITE_BUILD_ID ?? 'dev'

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?Z$/

/** China time is UTC+8 all year (no daylight saving since 1991). */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000
const EN_MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
]
const twoDigits = (n: number) => String(n).padStart(2, '0')

/**
 * The build as an owner reads it on the home screen: a build stamped with its time (the default
 * id, an ISO timestamp) shows that time in China time, "2026年12月7日 10:58"; any other id (a
 * release name set with BUILD_ID) shows as it is.
 * Written out by hand, not with Intl.DateTimeFormat: the first formatter with a time zone loads
 * ICU's zone and locale data, a 20-90 ms task on a phone in the middle of home's hydration
 * (Lighthouse's Total Blocking Time). The test holds it to Intl's output.
 */
export function formatBuildId(id: string, language: string): string {
  if (!ISO_TIME.test(id)) return id
  const china = new Date(Date.parse(id) + CHINA_OFFSET_MS)
  const [year, month, day] = [china.getUTCFullYear(), china.getUTCMonth(), china.getUTCDate()]
  const time = `${twoDigits(china.getUTCHours())}:${twoDigits(china.getUTCMinutes())}`
  return language === 'en'
    ? `${EN_MONTHS[month]} ${day}, ${year}, ${time}`
    : `${year}年${month + 1}月${day}日 ${time}`
}
