/** Which build this page runs: set by vite.config.ts at build time, `dev` elsewhere. */
export const BUILD_ID: string = import.meta.env.VITE_BUILD_ID ?? 'dev'

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?Z$/

/**
 * The build as an owner reads it on the home screen: a build stamped with its time (the default
 * id, an ISO timestamp) shows that time in China time, "2026年12月7日 10:58"; any other id (a
 * release name set with BUILD_ID) shows as it is.
 */
export function formatBuildId(id: string, language: string): string {
  if (!ISO_TIME.test(id)) return id
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
