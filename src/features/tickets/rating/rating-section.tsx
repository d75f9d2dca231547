import { useEffect, useRef, useState } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import { useIsOnline } from '@/lib/use-is-online'
import type { Rating } from '../../../../mock-api/contract'
import { RatingForm } from './rating-form'

type Props = {
  ticketId: string
  /** The server lets the owner rate now (its `actions.rate`), whatever waits in the outbox. */
  canRate: boolean
  /** A rating of this ticket waits in the outbox (this visit's or an earlier one's). */
  isPending?: boolean
}

/**
 * The rating, and after 提交评价 a confirmation in the form's place, focused and scrolled to
 * (issue 17: the form vanished without a word). It stays while the rating waits in the outbox and
 * after the server has it, when the ticket's own "评价：…" line follows. Offline, the confirmation
 * says the rating is kept and sent once online: said here, once, not in a line of its own.
 */
export function RatingSection({ ticketId, canRate, isPending = false }: Props) {
  const { t } = useTranslation()
  const isOnline = useIsOnline()
  const [rated, setRated] = useState<Rating | null>(null)
  // A new round (dissatisfied, re-handled, replied again) offers the form again: when the server
  // allows rating after it did not, the last confirmation has done its work. Only the server's
  // word counts: the rating leaving the outbox (sent, the ticket not fetched again yet) is no new
  // round — taking it for one cleared the confirmation a moment after 提交评价.
  const [couldRate, setCouldRate] = useState(canRate)
  if (canRate !== couldRate) {
    setCouldRate(canRate)
    if (canRate) setRated(null)
  }
  const confirmation = useRef<HTMLParagraphElement>(null)
  useEffect(() => {
    if (!rated) return
    confirmation.current?.focus({ preventScroll: true })
    confirmation.current?.scrollIntoView?.({ block: 'center' })
  }, [rated])

  if (rated) {
    const answers = {
      resolved: t(`ticket.rate.resolvedAnswers.${rated.resolved}`),
      satisfaction: t(`ticket.rate.satisfactionAnswers.${rated.satisfaction}`),
    }
    return (
      <p ref={confirmation} tabIndex={-1} role="status" className="gs-rated">
        {isPending && !isOnline
          ? t('ticket.rate.savedOffline', answers)
          : t('ticket.rate.thanks', answers)}
      </p>
    )
  }
  // Rated on an earlier visit, not sent yet.
  if (isPending) {
    return (
      <p role="status" className="gs-rated">
        {t(isOnline ? 'ticket.rate.sending' : 'ticket.rate.queued')}
      </p>
    )
  }
  return canRate ? <RatingForm ticketId={ticketId} onRated={setRated} /> : null
}
