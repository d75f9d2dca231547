import { useQuery } from '@tanstack/react-query'
import { useTranslation } from '@/lib/i18n-react'
import { Accounts } from '@/features/staff/accounts/accounts'
import { meQuery } from '@/features/staff/common/queries'

export function Component() {
  const { t } = useTranslation()
  const me = useQuery(meQuery())
  return (
    <>
      <h1>{t('staff.screens.accounts')}</h1>
      {me.data ? <Accounts selfUsername={me.data.username} /> : null}
    </>
  )
}
