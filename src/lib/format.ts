/** Date and time as owners in Guangxi read them: China time (Asia/Shanghai), whatever the phone's zone. */
export function formatDateTime(epochMs: number, language: string): string {
  return new Intl.DateTimeFormat(language, {
    timeZone: 'Asia/Shanghai',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(epochMs)
}
