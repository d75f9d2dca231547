import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import type { IntakeTicket } from '../../../../mock-api/contract'
import { IntakeForm } from '@/features/staff/intake/intake-form'
import { IntakeReceipt } from '@/features/staff/intake/intake-receipt'
import { meQuery } from '@/features/staff/common/queries'

/** Register a report taken by phone, at a window or handed down; then its receipt, large. */
export function Component() {
  const { t } = useTranslation()
  const me = useQuery(meQuery())
  const [receipt, setReceipt] = useState<IntakeTicket | null>(null)
  const [round, setRound] = useState(0)
  if (!me.data) return null
  return (
    <>
      <h1>{t('intake.title')}</h1>
      <p className="gs-staff-muted">{t('intake.lead')}</p>
      {receipt ? (
        <IntakeReceipt
          ticket={receipt}
          onNext={() => {
            setReceipt(null)
            setRound((n) => n + 1)
          }}
        />
      ) : (
        <IntakeForm key={round} me={me.data} onRegistered={setReceipt} />
      )}
    </>
  )
}
