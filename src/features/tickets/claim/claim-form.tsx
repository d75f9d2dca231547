import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import { ReceiptKeyFields } from '../common/receipt-key-fields'
import { ApiProblem } from '@/lib/http'
import { ticketSchema, type Ticket } from '../../../../mock-api/contract'
import { ownerPost } from '../common/owner-api'
import { ticketKeys } from '../common/queries'
import '../common/tickets.css'
import { Button } from '@/ui/button'

type Props = {
  /** Filled in from the SMS link or the receipt's QR; the owner may still correct them. */
  initialNumber?: string
  initialCode?: string
  onClaimed: (ticket: Ticket) => void
}

/**
 * Adds a report registered for the owner (by phone, at a window, handed down) to this phone with
 * its receipt. Needs the network: a wrong pair must be told at once, not queued.
 */
export function ClaimForm({ initialNumber = '', initialCode = '', onClaimed }: Props) {
  const { t, i18n } = useTranslation()
  const queryClient = useQueryClient()
  const [number, setNumber] = useState(initialNumber)
  const [code, setCode] = useState(initialCode)
  const claim = useMutation({
    mutationFn: async () =>
      ticketSchema.parse(await ownerPost('/claims', { number: number.trim(), code: code.trim() })),
    networkMode: 'always',
    onSuccess: async (ticket) => {
      await queryClient.invalidateQueries({ queryKey: ticketKeys.all })
      onClaimed(ticket)
    },
  })
  const failure = claim.error
  const message =
    failure instanceof ApiProblem
      ? failure.status === 404
        ? t('claim.notFound')
        : (failure.problem.message?.[i18n.language.startsWith('zh') ? 'zh' : 'en'] ??
          failure.problem.title)
      : failure
        ? t('claim.offline')
        : null

  const submit = (event: FormEvent) => {
    event.preventDefault()
    claim.mutate()
  }

  return (
    <form className="gs-ticket-form" onSubmit={submit}>
      <ReceiptKeyFields number={number} code={code} onNumber={setNumber} onCode={setCode} />
      <Button type="submit" block loading={claim.isPending} loadingText={t('claim.adding')}>
        {t('claim.add')}
      </Button>
      {message ? (
        <p role="alert" className="gs-form-error">
          {message}
        </p>
      ) : null}
    </form>
  )
}
