import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { TicketList } from '@/features/tickets/list/ticket-list'
import { EmptyState } from '@/ui/empty-state'
import { ScreenHeader } from '@/ui/screen-header'
import { paths } from '../paths'

export function Component() {
  const { t } = useTranslation()
  const empty = (
    <EmptyState message={t('tickets.none')}>
      <p>{t('tickets.later')}</p>
      <Link to={paths.drafts()} className="gs-button gs-button--secondary">
        {t('tickets.drafts')}
      </Link>
    </EmptyState>
  )
  return (
    <>
      <ScreenHeader title={t('tickets.title')} />
      <TicketList ticketHref={paths.ticket} empty={empty} />
      <p>
        <Link to={paths.claim()}>{t('claim.link')}</Link>
      </p>
      <p>
        <Link to={paths.lookup()}>{t('tickets.lookup.link')}</Link>
      </p>
      <p>
        <Link to={paths.linkDevice()}>{t('tickets.link.open')}</Link>
      </p>
    </>
  )
}
