import { useTranslation } from 'react-i18next'
import { UnitsAdmin } from '@/features/staff/units/units-admin'

export function Component() {
  const { t } = useTranslation()
  return (
    <>
      <h1>{t('staff.screens.units')}</h1>
      <UnitsAdmin />
    </>
  )
}
