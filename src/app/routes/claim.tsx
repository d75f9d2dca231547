import { useTranslation } from '@/lib/i18n-react'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { ClaimForm } from '@/features/tickets/claim/claim-form'
import { ScreenHeader } from '@/ui/screen-header'
import { paths } from '../paths'

/** The claim screen: reached from the receipt SMS, the receipt's QR and 我的工单. */
export function Component() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  return (
    <>
      <ScreenHeader title={t('claim.title')} lead={t('claim.intro')} />
      <ClaimForm
        initialNumber={params.get('number') ?? ''}
        initialCode={params.get('code') ?? ''}
        onClaimed={(ticket) => void navigate(paths.ticket(ticket.id), { replace: true })}
      />
      <p>
        <Link to={paths.tickets()}>{t('ticket.tickets')}</Link>
      </p>
    </>
  )
}
