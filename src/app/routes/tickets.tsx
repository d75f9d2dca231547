import { useTranslation } from '@/lib/i18n-react'
import { Link } from 'react-router'
import { TicketList } from '@/features/tickets/list/ticket-list'
import { EmptyState } from '@/ui/empty-state'
import { ScreenHeader } from '@/ui/screen-header'
import { paths } from '../paths'
import { buttonClass } from '@/ui/button'

export function Component() {
  const { t } = useTranslation()
  const empty = (
    <EmptyState message={t('tickets.none')}>
      <p>{t('tickets.later')}</p>
      <Link to={paths.drafts()} className={buttonClass({ variant: 'secondary', block: true })}>
        {t('tickets.drafts')}
      </Link>
    </EmptyState>
  )
  return (
    <>
      <ScreenHeader title={t('tickets.title')} />
      {/* Issue 17: the look-up was a small link under the list. A receipt in hand is a common way
          in (a ticket registered at a window, another phone's report), so it leads. */}
      <div className="gs-ticket-entries">
        <Link to={paths.lookup()} className={buttonClass({ variant: 'secondary', block: true })}>
          {t('tickets.lookup.link')}
        </Link>
        <Link to={paths.claim()} className={buttonClass({ variant: 'secondary', block: true })}>
          {t('claim.link')}
        </Link>
      </div>
      <TicketList ticketHref={paths.ticket} empty={empty} />
      <p>
        <Link to={paths.linkDevice()}>{t('tickets.link.open')}</Link>
      </p>
    </>
  )
}
