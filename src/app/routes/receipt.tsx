import { useTranslation } from '@/lib/i18n-react'
import { Link, useParams } from 'react-router'
import { ReceiptCard } from '@/features/report/receipt-card'
import { useReceipt } from '@/features/report/use-receipt'
import { NotifyOptIn } from '@/features/tickets/notify/notify-opt-in'
import { EmptyState } from '@/ui/empty-state'
import { ScreenHeader } from '@/ui/screen-header'
import { paths } from '../paths'
import { ButtonRow, buttonClass } from '@/ui/button'

export function Component() {
  const { t } = useTranslation()
  const { ticketId = '' } = useParams()
  const receipt = useReceipt(ticketId)
  const ticketsLink = (
    <Link to={paths.tickets()} className={buttonClass({ variant: 'secondary', block: true })}>
      {t('receipt.tickets')}
    </Link>
  )
  return (
    <>
      <ScreenHeader title={t('receipt.title')} />
      {receipt === undefined && <p className="gs-muted">{t('app.loading')}</p>}
      {receipt === null && <EmptyState message={t('receipt.missing')}>{ticketsLink}</EmptyState>}
      {receipt && (
        <>
          <ReceiptCard
            receipt={receipt}
            lookupUrl={
              new URL(paths.receiptLookup(receipt.number, receipt.code), location.origin).href
            }
          />
          {/* The server has the ticket: the moment to offer news of it, never at first visit. */}
          <NotifyOptIn />
          <ButtonRow>{ticketsLink}</ButtonRow>
        </>
      )}
    </>
  )
}
