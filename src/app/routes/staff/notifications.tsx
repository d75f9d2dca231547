import { useTranslation } from 'react-i18next'
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
