import { useEffect, useRef, useState } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import type { IntakeTicket } from '../../../../mock-api/contract'
import { qrSvg } from '@/lib/qr-svg'
import { Button } from '@/ui/button'

type Props = { ticket: IntakeTicket; onNext: () => void }

/**
 * The receipt, large enough to read out over the phone or to show across a window counter, with
 * a QR of the claim link: the owner scans it with the phone's camera and the ticket joins the app.
 */
export function IntakeReceipt({ ticket, onNext }: Props) {
  const { t } = useTranslation()
  const [image, setImage] = useState<string | null>(null)
  const next = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    next.current?.focus()
    let isCurrent = true
    qrSvg(ticket.claimLink).then(
      (svg) => isCurrent && setImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`),
      () => isCurrent && setImage(null),
    )
    return () => {
      isCurrent = false
    }
  }, [ticket.claimLink])
  return (
    <section className="gs-intake-receipt" aria-labelledby="gs-intake-receipt" role="status">
      <h2 id="gs-intake-receipt">{t('intake.receipt')}</h2>
      <dl>
        <dt>{t('intake.number')}</dt>
        <dd data-testid="receipt-number">{ticket.number}</dd>
        <dt>{t('intake.code')}</dt>
        <dd data-testid="receipt-code">{ticket.code}</dd>
      </dl>
      {image ? <img src={image} alt={ticket.claimLink} width={240} height={240} /> : null}
      <p>{t('intake.scan')}</p>
      <p className="gs-staff-muted">
        {t(`channels.${ticket.channel}`)} · {t(`categories.${ticket.category}.label`)} ·{' '}
        {ticket.title}
      </p>
      <Button ref={next} onClick={onNext}>
        {t('intake.next')}
      </Button>
    </section>
  )
}
