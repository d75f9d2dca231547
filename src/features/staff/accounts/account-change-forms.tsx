import { useState } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import {
  staffAccountChangeSchema,
  type StaffAccount,
  type StaffAccountChange,
} from '../../../../mock-api/contract'
import { PasswordField } from './account-field'
import { accountErrorsOf, scopeInput, type AccountErrors, type ScopeDraft } from './account-input'
import { AccountScopeFields } from './account-scope-fields'
import type { useAccountMutation } from './use-account-mutation'
import { StaffForm } from '../common/staff-form'

type FormProps = {
  account: StaffAccount
  change: ReturnType<typeof useAccountMutation<StaffAccountChange>>
  onDone: (text: string) => void
}

/** Checks the change with the API's schema; sends it only when it passes. */
function useChangeForm({ change }: FormProps) {
  const [errors, setErrors] = useState<AccountErrors>({})
  const submit = (value: object, onSent: (account: StaffAccount) => void) => {
    const parsed = staffAccountChangeSchema.safeParse(value)
    setErrors(parsed.success ? {} : accountErrorsOf(parsed.error))
    if (parsed.success) change.run(parsed.data, onSent)
  }
  return { errors, submit }
}

export function AccountScopeForm(props: FormProps) {
  const { t } = useTranslation()
  const { account, change, onDone } = props
  const [draft, setDraft] = useState<ScopeDraft>({
    role: account.role,
    divisionCode: account.divisionCode ?? '450100',
    unitId: account.unitId ?? '',
    servicePointId: account.servicePointId ?? '',
  })
  const { errors, submit } = useChangeForm(props)
  const onSubmit = () =>
    submit(scopeInput(draft), (saved) =>
      onDone(
        t('staff.accounts.scopeChanged', {
          username: saved.username,
          role: t(`staff.roles.${saved.role}`),
        }),
      ),
    )
  return (
    // The refusal is said beside the row's buttons (account-actions.tsx), not in the form.
    <StaffForm
      form={{ isPending: change.isPending, error: null }}
      onSubmit={onSubmit}
      label={t('staff.accounts.changeScopeOf', { username: account.username })}
      submitLabel={t('staff.accounts.saveScope')}
      noValidate
    >
      <AccountScopeFields
        idPrefix={`acc-${account.id}`}
        draft={draft}
        onChange={setDraft}
        errors={errors}
      />
    </StaffForm>
  )
}

export function AccountPasswordForm(props: FormProps) {
  const { t } = useTranslation()
  const { account, change, onDone } = props
  const [password, setPassword] = useState('')
  const { errors, submit } = useChangeForm(props)
  const onSubmit = () =>
    submit({ password }, (saved) =>
      onDone(t('staff.accounts.passwordReset', { username: saved.username })),
    )
  return (
    <StaffForm
      form={{ isPending: change.isPending, error: null }}
      onSubmit={onSubmit}
      label={t('staff.accounts.resetPasswordOf', { username: account.username })}
      submitLabel={t('staff.accounts.savePassword')}
      noValidate
    >
      <PasswordField
        id={`acc-${account.id}-password`}
        label={t('staff.accounts.newPassword')}
        error={errors.password}
        value={password}
        onChange={setPassword}
      />
    </StaffForm>
  )
}
