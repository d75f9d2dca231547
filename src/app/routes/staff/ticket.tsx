import { useQuery } from '@tanstack/react-query'
import { useTranslation } from '@/lib/i18n-react'
import { Link, useParams } from 'react-router'
import { ProblemMessage } from '@/features/staff/common/problem-message'
import { ticketQuery } from '@/features/staff/common/queries'
import { ReplyFiles } from '@/features/staff/ticket/reply-files'
import { TicketActions } from '@/features/staff/ticket/ticket-actions'
import { TicketFacts } from '@/features/staff/ticket/ticket-facts'
import { TicketHistory } from '@/features/staff/ticket/ticket-history'
import { paths } from '../../paths'

export function Component() {
  const { t } = useTranslation()
  const { ticketId = '' } = useParams()
  const ticket = useQuery({ ...ticketQuery(ticketId), retry: false })
  return (
    <>
      <p>
        <Link to={paths.staff.home()}>{t('staff.backToQueue')}</Link>
      </p>
      <ProblemMessage error={ticket.error} />
      {ticket.isPending ? <p>{t('app.loading')}</p> : null}
      {ticket.data ? (
        <>
          <h1>
            <span className="gs-staff-number">{ticket.data.number}</span> {ticket.data.title}
          </h1>
          <div className="gs-staff-ticket">
            <TicketFacts ticket={ticket.data} />
            <div>
              <TicketActions ticket={ticket.data} />
              {ticket.data.allowedEvents.includes('reply') ? (
                <ReplyFiles ticket={ticket.data} />
              ) : null}
              <TicketHistory history={ticket.data.history} />
            </div>
          </div>
        </>
      ) : null}
    </>
  )
}
