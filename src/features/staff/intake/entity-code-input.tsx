import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import type { EntityCode } from '../../../../mock-api/contract'
import { entityTokenOf, fetchEntity } from '../common/intake-api'
import { ProblemMessage } from '../common/problem-message'
import { Button } from '@/ui/button'

type Props = {
  token: string | null
  onEntity: (entity: (EntityCode & { token: string }) | null) => void
}

/** An entity code pasted or scanned with a hand scanner (it types the link and Enter). */
export function EntityCodeInput({ token, onEntity }: Props) {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  const read = useMutation({
    mutationFn: async (value: string) => {
      const parsed = entityTokenOf(value)
      return { ...(await fetchEntity(parsed)), token: parsed }
    },
    onSuccess: (entity) => onEntity(entity),
  })
  const run = () => {
    if (text.trim() !== '') read.mutate(text)
  }
  return (
    <div className="gs-staff-field">
      <label htmlFor="intake-entity">{t('intake.entityCode')}</label>
      <div className="gs-staff-inline">
        <input
          id="intake-entity"
          value={text}
          autoComplete="off"
          onChange={(e) => {
            setText(e.target.value)
            if (token !== null) onEntity(null)
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
              e.preventDefault()
              run()
            }
          }}
        />
        <Button variant="secondary" onClick={run}>
          {t('intake.useEntityCode')}
        </Button>
      </div>
      {token !== null && read.data ? (
        <p role="status">{t('intake.entityFilled', { name: read.data.name })}</p>
      ) : null}
      <ProblemMessage error={read.error} />
    </div>
  )
}
