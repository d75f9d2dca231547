import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import type { StaffAccount } from '../../../../mock-api/contract'
import { AccountActions } from './account-actions'
import { AccountForm } from './account-form'
import { divisionName } from '../common/division-select'
import { FormBehindButton } from '../common/form-behind-button'
import { ProblemMessage } from '../common/problem-message'
import { accountsQuery } from '../common/queries'

/** The admin's staff accounts: the list first (disable, enable, move or reset each), then create. */
export function Accounts({ selfUsername }: { selfUsername: string }) {
  const { t } = useTranslation()
  const accounts = useQuery(accountsQuery())
  const [done, setDone] = useState<string | null>(null)
  return (
    <>
      <p role="status" className="gs-staff-done">
        {done}
      </p>
      <ProblemMessage error={accounts.error} />
      {accounts.data ? (
        <AccountTable
          accounts={accounts.data.accounts}
          selfUsername={selfUsername}
          onDone={setDone}
        />
      ) : null}
      <FormBehindButton label={t('staff.accounts.new')}>
        <AccountForm
          onCreated={(account) =>
            setDone(t('staff.accounts.created', { username: account.username }))
          }
        />
      </FormBehindButton>
    </>
  )
}

type TableProps = {
  accounts: readonly StaffAccount[]
  selfUsername: string
  onDone: (text: string) => void
}

function AccountTable({ accounts, selfUsername, onDone }: TableProps) {
  const { t } = useTranslation()
  const scopeOf = (account: StaffAccount) =>
    account.unitName ??
    (account.divisionCode ? divisionName(account.divisionCode, t('staff.region')) : '')
  return (
    <div className="gs-staff-table-wrap">
      <table className="gs-staff-table">
        <caption>{t('staff.accounts.list', { count: accounts.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('staff.accounts.username')}</th>
            <th scope="col">{t('staff.accounts.displayName')}</th>
            <th scope="col">{t('staff.accounts.role')}</th>
            <th scope="col">{t('staff.accounts.scope')}</th>
            <th scope="col">{t('staff.accounts.status')}</th>
            <th scope="col">{t('staff.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => (
            <tr key={account.id}>
              <th scope="row">
                {account.username}
                {account.username === selfUsername ? ` ${t('staff.accounts.self')}` : null}
              </th>
              <td>{account.displayName}</td>
              <td>{t(`staff.roles.${account.role}`)}</td>
              <td>{scopeOf(account)}</td>
              <td>
                {t(account.disabled ? 'staff.accounts.isDisabled' : 'staff.accounts.isActive')}
              </td>
              <td>
                <AccountActions
                  account={account}
                  isSelf={account.username === selfUsername}
                  onDone={onDone}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
