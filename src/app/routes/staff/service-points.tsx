import { useQuery } from '@tanstack/react-query'
import { useTranslation } from '@/lib/i18n-react'
import { meQuery } from '@/features/staff/common/queries'
import { ServicePoints } from '@/features/staff/service-points/service-points'

export function Component() {
  const { t } = useTranslation()
  const me = useQuery(meQuery())
  return (
    <>
      <h1>{t('staff.screens.servicePoints')}</h1>
      <ServicePoints canManage={me.data?.role === 'admin'} />
    </>
  )
}
