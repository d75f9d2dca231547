import { useTranslation } from '@/lib/i18n-react'
import { TextField } from '@/ui/field'

type Props = {
  number: string
  code: string
  onNumber: (number: string) => void
  onCode: (code: string) => void
}

/**
 * The two keys printed on a receipt, as the claim and the look-up ask for them: the same labels,
 * the same capitals and no autofill, so the receipt reads the same on both screens.
 */
export function ReceiptKeyFields({ number, code, onNumber, onCode }: Props) {
  const { t } = useTranslation()
  const keyInput = { required: true, autoCapitalize: 'characters', autoComplete: 'off' } as const
  return (
    <>
      <TextField
        {...keyInput}
        label={t('tickets.lookup.number')}
        value={number}
        placeholder="GX2602130001"
        onChange={onNumber}
      />
      <TextField {...keyInput} label={t('tickets.lookup.code')} value={code} onChange={onCode} />
    </>
  )
}
