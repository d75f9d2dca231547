import { useTranslation } from '@/lib/i18n-react'
import { NotificationsAdmin } from '@/features/staff/admin/notifications-admin'

export function Component() {
  const { t } = useTranslation()
  return (
    <>
      <h1>{t('staff.screens.notifications')}</h1>
      <NotificationsAdmin />
    </>
  )
}
