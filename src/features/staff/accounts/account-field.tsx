import type { ReactNode } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import { Field, type ControlProps } from '@/ui/field'
import type { AccountErrorCode } from './account-input'

type Props = {
  id: string
  label: string
  error: AccountErrorCode | undefined
  children: (control: ControlProps) => ReactNode
}

/**
 * The kit's Field for an account form: the form knows its errors as codes (account-input.ts),
 * so this only translates the code. gs-staff-field keeps the console's control styling.
 */
export function AccountField({ id, label, error, children }: Props) {
  const { t } = useTranslation()
  return (
    <Field
      id={id}
      label={label}
      error={error ? t(`staff.accounts.errors.${error}`) : undefined}
      className="gs-staff-field"
    >
      {children}
    </Field>
  )
}

type PasswordProps = Omit<Props, 'children'> & { value: string; onChange: (value: string) => void }

/** A new password for an account: never filled in by the browser's saved password. */
export function PasswordField({ value, onChange, ...field }: PasswordProps) {
  return (
    <AccountField {...field}>
      {(control) => (
        <input
          {...control}
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
