import { useTranslation } from '@/lib/i18n-react'
import { CalendarOverrides } from '@/features/staff/calendar/calendar-overrides'

export function Component() {
  const { t } = useTranslation()
  return (
    <>
      <h1>{t('staff.screens.calendar')}</h1>
      <CalendarOverrides />
    </>
  )
}
