import { useState } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import { staffAccountInputSchema, type StaffAccount } from '../../../../mock-api/contract'
import { createAccount } from '../common/api'
import { AccountField, PasswordField } from './account-field'
import { accountErrorsOf, scopeInput, type AccountErrors, type ScopeDraft } from './account-input'
import { AccountScopeFields } from './account-scope-fields'
import { StaffForm } from '../common/staff-form'
import { useAccountMutation } from './use-account-mutation'

const FIRST_SCOPE: ScopeDraft = { role: 'desk', divisionCode: '450100', unitId: '' }

/** The admin's form for a new staff account, checked with the API's own schema before sending. */
export function AccountForm({ onCreated }: { onCreated: (account: StaffAccount) => void }) {
  const { t } = useTranslation()
  const [username, setUsername] = useState('')
  const [displayName, setDisplayName] = useState('')
  const [password, setPassword] = useState('')
  const [scope, setScope] = useState(FIRST_SCOPE)
  const [errors, setErrors] = useState<AccountErrors>({})
  const create = useAccountMutation(createAccount)

  const submit = () => {
    const input = { username, displayName, password, ...scopeInput(scope) }
    const parsed = staffAccountInputSchema.safeParse(input)
    setErrors(parsed.success ? {} : accountErrorsOf(parsed.error))
    if (!parsed.success) return
    create.run(parsed.data, (account) => {
      setUsername('')
      setDisplayName('')
      setPassword('')
      onCreated(account)
    })
  }

  const text = (name: 'username' | 'displayName', value: string, set: (v: string) => void) => (
    <AccountField id={`acc-${name}`} label={t(`staff.accounts.${name}`)} error={errors[name]}>
      {(a11y) => <input {...a11y} required value={value} onChange={(e) => set(e.target.value)} />}
    </AccountField>
  )

  return (
    <StaffForm
      form={{ ...create, isInvalid: Object.keys(errors).length > 0 }}
      onSubmit={submit}
      title={{ id: 'acc-new', text: t('staff.accounts.new') }}
      invalidText={t('staff.accounts.invalid')}
      submitLabel={t('staff.accounts.create')}
      noValidate
    >
      {text('username', username, setUsername)}
      {text('displayName', displayName, setDisplayName)}
      <AccountScopeFields idPrefix="acc" draft={scope} onChange={setScope} errors={errors} />
      <PasswordField
        id="acc-password"
        label={t('staff.accounts.password')}
        error={errors.password}
        value={password}
        onChange={setPassword}
      />
    </StaffForm>
  )
}
