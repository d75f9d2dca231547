import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Rating } from '../../../../mock-api/contract'
import { RatingForm } from './rating-form'

type Props = { ticketId: string; canRate: boolean }

/**
 * The rating, and after 提交评价 a confirmation in the form's place, focused and scrolled to
 * (issue 17: the form vanished without a word). It stays while the rating waits in the outbox and
 * after the server has it, when the ticket's own "评价：…" line follows.
 */
export function RatingSection({ ticketId, canRate }: Props) {
  const { t } = useTranslation()
  const [rated, setRated] = useState<Rating | null>(null)
  // A new round (dissatisfied, re-handled, replied again) offers the form again: when rating
  // becomes possible after it was not, the last confirmation has done its work.
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
    return (
      <p ref={confirmation} tabIndex={-1} role="status" className="gs-rated">
        {t('ticket.rate.thanks', {
          resolved: t(`ticket.rate.resolvedAnswers.${rated.resolved}`),
          satisfaction: t(`ticket.rate.satisfactionAnswers.${rated.satisfaction}`),
        })}
      </p>
    )
  }
  return canRate ? <RatingForm ticketId={ticketId} onRated={setRated} /> : null
}
