import { useTranslation } from '@/lib/i18n-react'
import { StatisticsView } from '@/features/staff/statistics/statistics-view'

export function Component() {
  const { t } = useTranslation()
  return (
    <>
      <h1>{t('staff.screens.statistics')}</h1>
      <StatisticsView />
    </>
  )
}
