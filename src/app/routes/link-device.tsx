import { useTranslation } from '@/lib/i18n-react'
import { Link } from 'react-router'
import { LinkDeviceForm } from '@/features/tickets/claim/link-device-form'
import { ScreenHeader } from '@/ui/screen-header'
import { paths } from '../paths'

export function Component() {
  const { t } = useTranslation()
  return (
    <>
      <ScreenHeader title={t('tickets.link.title')} lead={t('tickets.link.intro')} />
      <LinkDeviceForm />
      <p>
        <Link to={paths.tickets()}>{t('ticket.tickets')}</Link>
      </p>
    </>
  )
}
