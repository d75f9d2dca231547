import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { receiptQuery } from '../common/queries'
import { TicketView } from '../detail/ticket-view'

/** The progress anyone holding the receipt may see (no description, contact or photos). */
export function ReceiptLookup({ number, code }: { number: string; code: string }) {
  const { t } = useTranslation()
  const query = useQuery(receiptQuery(number, code))
  if (query.isPending) return <p className="gs-muted">{t('ticket.loading')}</p>
  if (query.isError) {
    return (
      <p className="gs-form-error" role="alert">
        {t('tickets.lookup.notFound')}
      </p>
    )
  }
  return (
    <>
      <h2>{query.data.title}</h2>
      <TicketView ticket={query.data} />
    </>
  )
}
