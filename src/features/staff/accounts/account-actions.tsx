import { useState } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import type { StaffAccount, StaffAccountChange } from '../../../../mock-api/contract'
import { changeAccount } from '../common/api'
import { AccountPasswordForm, AccountScopeForm } from './account-change-forms'
import { ProblemMessage } from '../common/problem-message'
import { useAccountMutation } from './use-account-mutation'
import { Button } from '@/ui/button'
import { ConfirmDialog } from '@/ui/confirm-dialog'

type Props = { account: StaffAccount; isSelf: boolean; onDone: (text: string) => void }
type Panel = 'scope' | 'password' | null

/**
 * A row's actions: disable or enable at once (disabling asks first), change the role and scope
 * or reset the password in a small form. The admin's own row cannot disable or demote itself.
 */
export function AccountActions({ account, isSelf, onDone }: Props) {
  const { t } = useTranslation()
  const [panel, setPanel] = useState<Panel>(null)
  const [isAsking, setIsAsking] = useState(false)
  const change = useAccountMutation((body: StaffAccountChange) => changeAccount(account.id, body))
  const { username } = account
  const finish = (text: string) => {
    setPanel(null)
    onDone(text)
  }
  const setDisabled = (disabled: boolean) => {
    setIsAsking(false)
    change.run({ disabled }, (saved) =>
      finish(
        t(saved.disabled ? 'staff.accounts.disabled' : 'staff.accounts.enabled', { username }),
      ),
    )
  }
  const panelButton = (which: 'scope' | 'password', label: string, name: string) => (
    <Button
      variant="secondary"
      aria-expanded={panel === which}
      aria-label={name}
      onClick={() => {
        change.reset()
        setPanel(panel === which ? null : which)
      }}
    >
      {label}
    </Button>
  )
  return (
    <div className="gs-staff-row-actions">
      {isSelf ? null : (
        <Button
          variant={account.disabled ? 'primary' : 'danger'}
          disabled={change.isPending}
          aria-label={t(account.disabled ? 'staff.accounts.enableOf' : 'staff.accounts.disableOf', {
            username,
          })}
          onClick={() => (account.disabled ? setDisabled(false) : setIsAsking(true))}
        >
          {t(account.disabled ? 'staff.accounts.enable' : 'staff.accounts.disable')}
        </Button>
      )}
      {isSelf
        ? null
        : panelButton(
            'scope',
            t('staff.accounts.changeScope'),
            t('staff.accounts.changeScopeOf', { username }),
          )}
      {panelButton(
        'password',
        t('staff.accounts.resetPassword'),
        t('staff.accounts.resetPasswordOf', { username }),
      )}
      {panel === 'scope' ? (
        <AccountScopeForm account={account} change={change} onDone={finish} />
      ) : null}
      {panel === 'password' ? (
        <AccountPasswordForm account={account} change={change} onDone={finish} />
      ) : null}
      <ProblemMessage error={change.error} />
      <ConfirmDialog
        open={isAsking}
        title={t('staff.accounts.confirmDisable', { username })}
        consequence={t('staff.accounts.disableConsequence')}
        confirmLabel={t('staff.accounts.disable')}
        onConfirm={() => setDisabled(true)}
        onCancel={() => setIsAsking(false)}
      />
    </div>
  )
}
