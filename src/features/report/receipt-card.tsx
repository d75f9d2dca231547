import { useEffect, useId, useState } from 'react'
import { ReceiptActions } from './receipt-actions'
import { useTranslation } from '@/lib/i18n-react'
import { formatDateTime } from '@/lib/format'
import type { Receipt } from './receipt-store'
import { receiptQrSvg } from './receipt-qr'
import './report.css'

type Props = {
  receipt: Receipt
  /** What the QR encodes: a link that opens the ticket from its number and code on any phone. */
  lookupUrl: string
}

/** The owner's proof that the server has the report: ticket number, verification code, a QR of both. */
export function ReceiptCard({ receipt, lookupUrl }: Props) {
  const { t, i18n } = useTranslation()
  const numberId = useId()
  const codeId = useId()
  const qr = useQrImage(lookupUrl)
  return (
    <div className="gs-receipt">
      <p className="gs-receipt__sent">{t('receipt.sent')}</p>
      <dl className="gs-receipt__keys">
        <div className="gs-receipt__number">
          <dt id={numberId}>{t('receipt.number')}</dt>
          <dd aria-labelledby={numberId} className="gs-receipt__value">
            {receipt.number}
          </dd>
        </div>
        <div>
          <dt id={codeId}>{t('receipt.code')}</dt>
          <dd aria-labelledby={codeId} className="gs-receipt__value">
            {receipt.code}
          </dd>
        </div>
      </dl>
      <ReceiptActions receipt={receipt} lookupUrl={lookupUrl} />
      {qr && (
        <img className="gs-receipt__qr" src={qr} alt={t('receipt.qr')} width="200" height="200" />
      )}
      <p className="gs-receipt__guidance">{t('receipt.guidance')}</p>
      <p className="gs-muted">
        {t('receipt.about', {
          category: t(`categories.${receipt.category}.label`),
          title: receipt.title,
        })}
        <br />
        {t('receipt.sentAt', { time: formatDateTime(receipt.sentAt, i18n.language) })}
      </p>
    </div>
  )
}

function useQrImage(text: string): string | null {
  const [image, setImage] = useState<string | null>(null)
  useEffect(() => {
    let isCurrent = true
    receiptQrSvg(text).then(
      (svg) => isCurrent && setImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`),
      () => isCurrent && setImage(null),
    )
    return () => {
      isCurrent = false
    }
  }, [text])
  return image
}
