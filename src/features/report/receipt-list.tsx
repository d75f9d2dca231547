import type { ReactNode } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import { Link } from 'react-router'
import { formatDateTime } from '@/lib/format'
import { useReceipts } from './use-receipts'
import './report.css'

type Props = { receiptHref: (ticketId: string) => string; empty: ReactNode }

/** The reports this phone has sent, newest first: ticket number, what it is about, when it arrived. */
export function ReceiptList({ receiptHref, empty }: Props) {
  const { t, i18n } = useTranslation()
  const receipts = useReceipts()
  if (receipts === undefined) return <p className="gs-muted">{t('app.loading')}</p>
  if (receipts.length === 0) return empty
  return (
    <ul className="gs-draft-list">
      {receipts.map((receipt) => (
        <li key={receipt.ticketId} className="gs-draft-list__item">
          <Link to={receiptHref(receipt.ticketId)} className="gs-draft-list__link">
            <span className="gs-draft-list__title">{receipt.title}</span>
            <span className="gs-draft-list__meta">
              {t('tickets.number', { number: receipt.number })}
            </span>
            <span className="gs-draft-list__meta">
              {t(`categories.${receipt.category}.label`)}
              {' · '}
              {t('receipt.sentAt', { time: formatDateTime(receipt.sentAt, i18n.language) })}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  )
}
