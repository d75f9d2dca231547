import { useTranslation } from '@/lib/i18n-react'
import { LockoutsAdmin } from '@/features/staff/admin/lockouts-admin'

export function Component() {
  const { t } = useTranslation()
  return (
    <>
      <h1>{t('staff.screens.lockouts')}</h1>
      <LockoutsAdmin />
    </>
  )
}
