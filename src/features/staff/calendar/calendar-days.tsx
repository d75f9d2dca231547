import { useTranslation } from '@/lib/i18n-react'
import type { CalendarDay } from '../../../../mock-api/contract'
import { removeOverride } from '../common/admin-api'
import { ProblemMessage } from '../common/problem-message'
import { staffKeys } from '../common/queries'
import { useSingleMutation } from '../common/use-single-mutation'
import { Button } from '@/ui/button'

type Props = { year: number; days: readonly CalendarDay[]; onDone: (message: string) => void }

/** The year's days that differ from Monday–Friday; the office's own changes can be deleted. */
export function CalendarDays({ year, days, onDone }: Props) {
  const { t, i18n } = useTranslation()
  const remove = useSingleMutation(removeOverride, [staffKeys.calendar(year)])
  const weekday = new Intl.DateTimeFormat(i18n.language, { weekday: 'short', timeZone: 'UTC' })
  const labelOf = (day: CalendarDay) =>
    day.note ?? (day.name ? (i18n.language === 'en' ? day.name.en : day.name.zh) : '')

  if (days.length === 0) return <p>{t('staff.calendar.empty')}</p>
  return (
    <div className="gs-staff-table-wrap">
      <ProblemMessage error={remove.error} />
      <table className="gs-staff-table">
        <caption>{t('staff.calendar.days', { year, count: days.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('staff.calendar.date')}</th>
            <th scope="col">{t('staff.calendar.weekday')}</th>
            <th scope="col">{t('staff.calendar.kind')}</th>
            <th scope="col">{t('staff.calendar.source')}</th>
            <th scope="col">{t('staff.calendar.note')}</th>
            <th scope="col">{t('staff.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {days.map((day) => (
            <tr key={day.date}>
              <td>{day.date}</td>
              <td>{weekday.format(new Date(`${day.date}T00:00:00Z`))}</td>
              <td>{t(`staff.calendar.kinds.${day.kind}`)}</td>
              <td>{t(`staff.calendar.sources.${day.source}`)}</td>
              <td>{labelOf(day)}</td>
              <td>
                {day.source === 'override' ? (
                  <Button
                    variant="secondary"
                    disabled={remove.isPending}
                    aria-label={t('staff.calendar.removeOf', { date: day.date })}
                    onClick={() =>
                      remove.run(day.date, () =>
                        onDone(t('staff.calendar.removed', { date: day.date })),
                      )
                    }
                  >
                    {t('staff.calendar.remove')}
                  </Button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
