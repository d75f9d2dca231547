import { useTranslation } from '@/lib/i18n-react'
import type { Due } from '../../../../mock-api/contract'

function formatDay(lastDay: string, language: string): string {
  const [year, month, day] = lastDay.split('-').map(Number)
  return new Intl.DateTimeFormat(language, {
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1))
}

/** The due day in words, with its weekday: 4月20日（周一） / Monday, 20 April. */
function dayInWords(lastDay: string, language: string): string {
  const [year, month, day] = lastDay.split('-').map(Number)
  const date = Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1)
  const isChinese = language.startsWith('zh')
  const format = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' }).format(date)
  return isChinese
    ? `${format({ month: 'long', day: 'numeric' })}（${format({ weekday: 'short' })}）`
    : format({ weekday: 'long', day: 'numeric', month: 'long' })
}

/** The owner's ticket page: which step the ticket is at and by when, in a sentence. */
export function DueInWords({ due }: { due: Due }) {
  const { t, i18n } = useTranslation()
  return (
    <p className="gs-due-words" data-testid="due-in-words">
      {t('tickets.due.inWords', {
        step: t(`tickets.steps.${due.step}`),
        day: dayInWords(due.lastDay, i18n.language),
      })}
    </p>
  )
}

/** The current step's deadline as the server computed it: amber when near, red when overdue. */
export function DueLine({ due }: { due: Due }) {
  const { t, i18n } = useTranslation()
  const tone = due.overdue
    ? 'gs-due gs-due--overdue'
    : due.nearDue
      ? 'gs-due gs-due--near'
      : 'gs-due'
  const step = t(`tickets.steps.${due.step}`)
  const day = formatDay(due.lastDay, i18n.language)
  return (
    <p className={tone} data-due={due.overdue ? 'overdue' : due.nearDue ? 'near' : 'ok'}>
      {t('tickets.due.at', { step, day })}
      {' · '}
      {due.overdue
        ? t('tickets.due.overdue')
        : t('tickets.due.left', { count: due.workingDaysLeft })}
      {due.provisional && ` ${t('tickets.due.provisional')}`}
    </p>
  )
}
