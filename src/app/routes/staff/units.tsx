import { useTranslation } from '@/lib/i18n-react'
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
