import { useTranslation } from '@/lib/i18n-react'
import { EntityCodes } from '@/features/staff/intake/entity-codes'

export function Component() {
  const { t } = useTranslation()
  return (
    <>
      <h1>{t('staff.screens.entityCodes')}</h1>
      <EntityCodes />
    </>
  )
}
