import { useId } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import { checkCreditCode } from '../../../../mock-api/shared/credit-code'
import { TextField } from '@/ui/field'

type Props = {
  value: string
  isConfirmed: boolean
  error?: string
  onChange: (changes: { creditCode?: string; creditCodeConfirmed?: boolean }) => void
}

/**
 * The credit code with DOMAIN.md's soft check: a wrong format is an error (on submit), but a
 * wrong check character is only a warning, since some genuine early codes fail it; the owner
 * confirms such a code instead.
 */
export function CreditCodeField({ value, isConfirmed, error, onChange }: Props) {
  const { t } = useTranslation()
  const warningId = useId()
  const isMismatch = checkCreditCode(value).checksum === 'mismatch'
  return (
    <>
      <TextField
        label={t('draft.creditCode')}
        hint={t('draft.creditCodeHint')}
        value={value}
        error={error}
        maxLength={18}
        autoCapitalize="characters"
        autoComplete="off"
        spellCheck={false}
        onChange={(creditCode) => onChange({ creditCode, creditCodeConfirmed: false })}
      />
      {isMismatch && (
        <div className="gs-warning">
          <p id={warningId}>{t('draft.creditCodeMismatch')}</p>
          <label className="gs-check">
            <input
              type="checkbox"
              checked={isConfirmed}
              aria-describedby={warningId}
              onChange={(event) => onChange({ creditCodeConfirmed: event.target.checked })}
            />
            {t('draft.creditCodeConfirm')}
          </label>
        </div>
      )}
    </>
  )
}
