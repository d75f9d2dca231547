import { useState } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import type { Receipt } from './receipt-store'
import { Button } from '@/ui/button'

type Props = { receipt: Receipt; lookupUrl: string }
type Outcome = 'copied' | 'copyFailed' | null

/**
 * Copy the ticket number (the one thing an owner pastes into a chat or a form), and, where the
 * phone can share (navigator.share: Android Chrome, iOS Safari), send number, code and the look-up
 * link to another app. Where it cannot, the copy button and the QR remain.
 */
export function ReceiptActions({ receipt, lookupUrl }: Props) {
  const { t } = useTranslation()
  const [outcome, setOutcome] = useState<Outcome>(null)
  const canShare = typeof navigator.share === 'function'

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(receipt.number)
      setOutcome('copied')
    } catch {
      setOutcome('copyFailed')
    }
  }
  const share = async () => {
    const text = t('receipt.shareText', { number: receipt.number, code: receipt.code })
    // Cancelling the share sheet rejects: nothing to say then.
    await navigator
      .share({ title: t('receipt.title'), text, url: lookupUrl })
      .catch(() => undefined)
  }

  return (
    <div className="gs-receipt__actions gs-no-print">
      <Button variant="secondary" onClick={() => void copy()}>
        {t('receipt.copy')}
      </Button>
      {canShare && (
        <Button variant="secondary" onClick={() => void share()}>
          {t('receipt.share')}
        </Button>
      )}
      <p role="status" className="gs-receipt__copied">
        {outcome && t(outcome === 'copied' ? 'receipt.copied' : 'receipt.copyFailed')}
      </p>
    </div>
  )
}
