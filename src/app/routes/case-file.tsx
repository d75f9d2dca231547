import { useQuery } from '@tanstack/react-query'
import { useTranslation } from '@/lib/i18n-react'
import { useParams } from 'react-router'
import { ticketQuery } from '@/features/tickets/common/queries'
import { divisionLabel } from '@/features/report/divisions'
import { CaseParticulars } from '@/features/tickets/detail/case-particulars'
import { TicketView } from '@/features/tickets/detail/ticket-view'
import { formatDateTime } from '@/lib/format'
import { ScreenHeader } from '@/ui/screen-header'
import { Button, ButtonRow } from '@/ui/button'

/** The ticket as a print-ready page: the browser's print dialog saves it as a PDF or shares it. */
export function Component() {
  const { t, i18n } = useTranslation()
  const { ticketId = '' } = useParams()
  const query = useQuery(ticketQuery(ticketId))
  if (query.isPending) return <p className="gs-muted">{t('ticket.loading')}</p>
  if (!query.data) return <p>{t('ticket.unknown')}</p>
  const ticket = query.data.value
  return (
    <article className="gs-case-file">
      <ScreenHeader title={`${t('ticket.caseFile.title')} ${ticket.number}`} />
      <h2>{ticket.title}</h2>
      <p className="gs-muted">
        {t('ticket.caseFile.printedAt', {
          time: formatDateTime(query.data.savedAt, i18n.language),
        })}
      </p>
      <ButtonRow className="gs-no-print">
        <Button block onClick={() => window.print()}>
          {t('ticket.caseFile.print')}
        </Button>
      </ButtonRow>
      <CaseParticulars
        ticket={ticket}
        division={divisionLabel(ticket.divisionCode, i18n.language)}
      />
      <TicketView ticket={ticket} isRecord />
    </article>
  )
}
