import { useQuery } from '@tanstack/react-query'
import { useEffect } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import { Link, useParams } from 'react-router'
import { ticketQuery } from '@/features/tickets/common/queries'
import { NotifyOptIn } from '@/features/tickets/notify/notify-opt-in'
import { markSeen } from '@/features/tickets/common/ticket-cache'
import { TicketActions } from '@/features/tickets/detail/ticket-actions'
import { TicketSmsSetting } from '@/features/tickets/detail/ticket-sms-setting'
import { TicketView } from '@/features/tickets/detail/ticket-view'
import { UpdatedAt } from '@/features/tickets/common/updated-at'
import { EmptyState } from '@/ui/empty-state'
import { ScreenHeader } from '@/ui/screen-header'
import { paths } from '../paths'
import { buttonClass } from '@/ui/button'

export function Component() {
  const { t } = useTranslation()
  const { ticketId = '' } = useParams()
  const query = useQuery(ticketQuery(ticketId))
  const ticket = query.data?.value
  useEffect(() => {
    if (ticket) void markSeen(ticket.id, ticket.status)
  }, [ticket])

  if (query.isPending) return <p className="gs-muted">{t('ticket.loading')}</p>
  if (!query.data) {
    return (
      <>
        <ScreenHeader title={t('ticket.title')} />
        <EmptyState message={t('ticket.unknown')}>
          <Link to={paths.tickets()} className={buttonClass({ variant: 'secondary', block: true })}>
            {t('ticket.tickets')}
          </Link>
        </EmptyState>
      </>
    )
  }
  const { value, savedAt, isCached } = query.data
  return (
    <>
      <ScreenHeader title={value.title} />
      <UpdatedAt savedAt={savedAt} isCached={isCached} />
      <TicketView ticket={value} />
      <TicketActions ticket={value} />
      {/* Following the ticket: spaced as one group (the SMS switch sat flush under the button). */}
      <div className="gs-ticket-follow gs-no-print">
        <NotifyOptIn />
        <TicketSmsSetting ticketId={value.id} />
        <p>
          <Link to={paths.caseFile(value.id)}>{t('ticket.caseFile.open')}</Link>
        </p>
      </div>
    </>
  )
}
