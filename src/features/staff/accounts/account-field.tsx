import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { AccountErrorCode } from './account-input'

export type FieldA11y = {
  id: string
  'aria-invalid': true | undefined
  'aria-describedby': string | undefined
}

type Props = {
  id: string
  label: string
  error: AccountErrorCode | undefined
  children: (a11y: FieldA11y) => ReactNode
}

/** Label, control and error of one account field; ids tie them together for screen readers. */
export function AccountField({ id, label, error, children }: Props) {
  const { t } = useTranslation()
  const errorId = `${id}-error`
  return (
    <div className="gs-staff-field">
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': error ? errorId : undefined,
      })}
      {error ? (
        <p id={errorId} className="gs-staff-field-error">
          {t(`staff.accounts.errors.${error}`)}
        </p>
      ) : null}
    </div>
  )
}

type PasswordProps = Omit<Props, 'children'> & { value: string; onChange: (value: string) => void }

/** A new password for an account: never filled in by the browser's saved password. */
export function PasswordField({ value, onChange, ...field }: PasswordProps) {
  return (
    <AccountField {...field}>
      {(a11y) => (
        <input
          {...a11y}
          type="password"
          autoComplete="new-password"
          required
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </AccountField>
  )
}
