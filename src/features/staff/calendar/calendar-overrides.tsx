import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import { CALENDAR_YEARS, type CalendarYear } from '../../../../mock-api/contract'
import { CalendarDays } from './calendar-days'
import { CalendarOverrideForm } from './calendar-override-form'
import { CalendarYearForm } from './calendar-year-form'
import { ProblemMessage } from '../common/problem-message'
import { calendarQuery } from '../common/queries'

const isYear = (value: number) =>
  Number.isInteger(value) && value >= CALENDAR_YEARS.min && value <= CALENDAR_YEARS.max

function coverageKey(calendar: CalendarYear) {
  if (calendar.isPackageYear) return 'staff.calendar.packageYear' as const
  return calendar.isMarkedComplete
    ? ('staff.calendar.complete' as const)
    : ('staff.calendar.provisional' as const)
}

/** One year of the holiday calendar: what the package says, and the office's changes. */
export function CalendarOverrides() {
  const { t } = useTranslation()
  const [yearText, setYearText] = useState(String(new Date().getFullYear()))
  const [year, setYear] = useState(Number(yearText))
  const [done, setDone] = useState<string | null>(null)
  const calendar = useQuery(calendarQuery(year))
  const changeYear = (text: string) => {
    setYearText(text)
    if (isYear(Number(text))) setYear(Number(text))
  }

  return (
    <>
      <p role="status" className="gs-staff-done">
        {done}
      </p>
      <div className="gs-staff-field">
        <label htmlFor="calendar-year">{t('staff.calendar.year')}</label>
        <input
          id="calendar-year"
          type="number"
          inputMode="numeric"
          min={CALENDAR_YEARS.min}
          max={CALENDAR_YEARS.max}
          value={yearText}
          onChange={(e) => changeYear(e.target.value)}
        />
      </div>
      <ProblemMessage error={calendar.error} />
      {calendar.data ? (
        <>
          <p className="gs-staff-card">{t(coverageKey(calendar.data), { year })}</p>
          {calendar.data.isPackageYear ? null : (
            <>
              <CalendarOverrideForm key={year} year={year} onDone={setDone} />
              <CalendarYearForm key={`${year}-year`} calendar={calendar.data} onDone={setDone} />
            </>
          )}
          <CalendarDays year={year} days={calendar.data.days} onDone={setDone} />
        </>
      ) : null}
    </>
  )
}
