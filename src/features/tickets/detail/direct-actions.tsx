import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import { formatDateTime } from '@/lib/format'
import { ApiProblem, NetworkError } from '@/lib/http'
import type { Ticket } from '../../../../mock-api/contract'
import { urge, withdraw } from './actions'
import { ticketKeys, type Fetched } from '../common/queries'
import { Button, ButtonRow } from '@/ui/button'

function useTicketAction(ticketId: string, send: (id: string) => Promise<Ticket>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => send(ticketId),
    networkMode: 'always',
    onSuccess: (ticket) => {
      const fetched: Fetched<Ticket> = { value: ticket, savedAt: Date.now(), isCached: false }
      queryClient.setQueryData(ticketKeys.one(ticketId), fetched)
      void queryClient.invalidateQueries({ queryKey: ticketKeys.list() })
    },
  })
}

function useFailureText() {
  const { t, i18n } = useTranslation()
  return (error: Error | null): string | null => {
    if (error === null) return null
    if (error instanceof NetworkError) return t('ticket.offline')
    const { problem } = error instanceof ApiProblem ? error : { problem: null }
    const message = problem?.message?.[i18n.language.startsWith('zh') ? 'zh' : 'en']
    return t('ticket.actionFailed', { message: message ?? problem?.title ?? error.message })
  }
}

/** Urging is offered once the step is overdue; before that, when it becomes possible. */
export function UrgeAction({ ticket }: { ticket: Ticket }) {
  const { t, i18n } = useTranslation()
  const action = useTicketAction(ticket.id, urge)
  const failure = useFailureText()(action.error)
  const availableAt = ticket.urgeAvailableAt
  if (!ticket.actions?.urge) {
    const time = availableAt && formatDateTime(Date.parse(availableAt), i18n.language)
    return (
      <>
        {action.isSuccess && <p role="status">{t('ticket.urge.done')}</p>}
        {time && <p className="gs-muted">{t('ticket.urge.availableAt', { time })}</p>}
      </>
    )
  }
  return (
    <div>
      <Button variant="secondary" block loading={action.isPending} onClick={() => action.mutate()}>
        {t('ticket.urge.submit')}
      </Button>
      {action.isSuccess && <p role="status">{t('ticket.urge.done')}</p>}
      {failure && (
        <p className="gs-form-error" role="alert">
          {failure}
        </p>
      )}
    </div>
  )
}

/** Withdrawing is possible only before acceptance, and asks first. */
export function WithdrawAction({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation()
  const [isConfirming, setIsConfirming] = useState(false)
  const action = useTicketAction(ticket.id, withdraw)
  const failure = useFailureText()(action.error)
  if (!ticket.actions?.withdraw)
    return action.isSuccess ? <p role="status">{t('ticket.withdraw.done')}</p> : null
  if (!isConfirming) {
    return (
      <Button variant="secondary" block onClick={() => setIsConfirming(true)}>
        {t('ticket.withdraw.submit')}
      </Button>
    )
  }
  return (
    <div role="alertdialog" aria-label={t('ticket.withdraw.submit')}>
      <p>{t('ticket.withdraw.confirm')}</p>
      <ButtonRow>
        <Button block loading={action.isPending} onClick={() => action.mutate()}>
          {t('ticket.withdraw.yes')}
        </Button>
        <Button variant="secondary" block onClick={() => setIsConfirming(false)}>
          {t('ticket.withdraw.no')}
        </Button>
      </ButtonRow>
      {failure && (
        <p className="gs-form-error" role="alert">
          {failure}
        </p>
      )}
    </div>
  )
}
