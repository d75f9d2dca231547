import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import type { AdminLockout } from '../../../../mock-api/contract'
import { clearLockout, fetchLockouts } from '../common/admin-api'
import { ProblemMessage } from '../common/problem-message'
import { useSingleMutation } from '../common/use-single-mutation'
import { Button } from '@/ui/button'
import { ConfirmDialog } from '@/ui/confirm-dialog'

const lockoutsKey = ['staff', 'admin', 'lockouts'] as const

/** A pair's subject reads `subject@address`; the address never holds an `@`. */
function splitPair(lockout: AdminLockout): { subject: string; address: string } {
  const at = lockout.subject.lastIndexOf('@')
  if (!lockout.kind.endsWith('_from_address') || at < 0) {
    return { subject: lockout.subject, address: '' }
  }
  return { subject: lockout.subject.slice(0, at), address: lockout.subject.slice(at + 1) }
}

/**
 * The admin's list of guess-limit lockouts in force, in plain words, each with a button that
 * clears it after a confirmation saying what that gives away (README, Security).
 */
export function LockoutsAdmin() {
  const { t, i18n } = useTranslation()
  const queryClient = useQueryClient()
  const [done, setDone] = useState('')
  const [asking, setAsking] = useState<AdminLockout | null>(null)
  const query = useQuery({ queryKey: lockoutsKey, queryFn: fetchLockouts, refetchInterval: 30_000 })
  const clear = useSingleMutation(clearLockout, [lockoutsKey])
  if (query.isPending) return <p>{t('app.loading')}</p>
  if (query.isError) return <ProblemMessage error={query.error} />
  const time = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Asia/Shanghai',
  })
  const describe = (lockout: AdminLockout) => t(`lockouts.what.${lockout.kind}`, splitPair(lockout))
  const onClear = (lockout: AdminLockout) => {
    const what = describe(lockout)
    setAsking(null)
    setDone('')
    clear.run(lockout.key, () => {
      // Gone at once; the refresh that follows confirms it.
      queryClient.setQueryData(
        lockoutsKey,
        (old: typeof query.data | undefined) =>
          old && { lockouts: old.lockouts.filter((row) => row.key !== lockout.key) },
      )
      setDone(t('lockouts.cleared', { what }))
    })
  }
  const { lockouts } = query.data
  return (
    <>
      <p className="gs-staff-muted">{t('lockouts.intro')}</p>
      <p role="status">{done}</p>
      <ProblemMessage error={clear.error} />
      {lockouts.length === 0 ? (
        <p>{t('lockouts.none')}</p>
      ) : (
        <table className="gs-staff-table">
          <thead>
            <tr>
              {(['what', 'until', 'failures', 'action'] as const).map((column) => (
                <th key={column}>{t(`lockouts.columns.${column}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {lockouts.map((lockout) => (
              <tr key={lockout.key} data-kind={lockout.kind}>
                <td>{describe(lockout)}</td>
                <td>{time.format(new Date(lockout.lockedUntil))}</td>
                <td>{lockout.failures}</td>
                <td>
                  <Button
                    variant="danger"
                    disabled={clear.isPending}
                    aria-label={t('lockouts.clearOf', { what: describe(lockout) })}
                    onClick={() => setAsking(lockout)}
                  >
                    {t('lockouts.clear')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ConfirmDialog
        open={asking !== null}
        title={asking ? t('lockouts.confirm', { what: describe(asking) }) : ''}
        consequence={t('lockouts.consequence')}
        confirmLabel={t('lockouts.clear')}
        onConfirm={() => asking && onClear(asking)}
        onCancel={() => setAsking(null)}
      />
    </>
  )
}
