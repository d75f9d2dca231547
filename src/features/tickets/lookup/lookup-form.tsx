import { useState, type FormEvent } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import { ReceiptKeyFields } from '../common/receipt-key-fields'
import { Button } from '@/ui/button'

type Props = {
  initialNumber?: string
  /** What was tried: a failed try keeps it, to correct rather than retype (issue 17). */
  initialCode?: string
  onLookup: (number: string, code: string) => void
}

/** Ticket number and verification code, as printed on the receipt. */
export function LookupForm({ initialNumber = '', initialCode = '', onLookup }: Props) {
  const { t } = useTranslation()
  const [number, setNumber] = useState(initialNumber)
  const [code, setCode] = useState(initialCode)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (number.trim() && code.trim())
      onLookup(number.trim().toUpperCase(), code.trim().toUpperCase())
  }
  return (
    <form className="gs-ticket-form" onSubmit={submit}>
      <ReceiptKeyFields number={number} code={code} onNumber={setNumber} onCode={setCode} />
      <Button type="submit" block>
        {t('tickets.lookup.submit')}
      </Button>
    </form>
  )
}
