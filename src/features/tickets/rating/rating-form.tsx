import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import { ChoiceCards } from '@/ui/choice-cards'
import { RESOLVED_ANSWERS, SATISFACTION_ANSWERS, type Rating } from '../../../../mock-api/contract'
import { enqueueRating } from '../detail/actions'
import { validateRating, type RatingProblem } from './validate-rating'
import { Button } from '@/ui/button'
import { TextArea } from '@/ui/field'
import { useIsOnline } from '@/lib/use-is-online'

const PROBLEM_TEXT = {
  answer_both: 'ticket.rate.answerBoth',
  reason_required: 'ticket.rate.reasonRequired',
} as const

type Props = { ticketId: string; onRated?: (rating: Rating) => void }

/**
 * The two questions as big cards (the same as the report's category), and a reason when
 * dissatisfied; kept in the outbox until sent. `onRated` lets the screen confirm it.
 */
export function RatingForm({ ticketId, onRated }: Props) {
  const { t } = useTranslation()
  const isOnline = useIsOnline()
  const titleId = useId()
  const [resolved, setResolved] = useState<(typeof RESOLVED_ANSWERS)[number] | null>(null)
  const [satisfaction, setSatisfaction] = useState<(typeof SATISFACTION_ANSWERS)[number] | null>(
    null,
  )
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<RatingProblem | null>(null)
  // The problem describes the answers that were sent: it goes once they change (issue 17: "请回答
  // 两个问题" stayed after both were answered).
  const answer =
    <Value,>(set: (value: Value) => void) =>
    (value: Value) => {
      setProblem(null)
      set(value)
    }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const result = validateRating({
      resolved: resolved ?? '',
      satisfaction: satisfaction ?? '',
      reason,
    })
    if (!result.ok) return setProblem(result.problem)
    setProblem(null)
    void enqueueRating(ticketId, result.rating).then(() => onRated?.(result.rating))
  }

  return (
    <form className="gs-ticket-form" onSubmit={submit} aria-labelledby={titleId} noValidate>
      <h2 id={titleId} className="gs-ticket-form__title">
        {t('ticket.rate.title')}
      </h2>
      <ChoiceCards
        legend={t('ticket.rate.resolved')}
        layout="row"
        choices={RESOLVED_ANSWERS.map((answer) => ({
          value: answer,
          label: t(`ticket.rate.resolvedAnswers.${answer}`),
        }))}
        value={resolved}
        onChange={answer(setResolved)}
      />
      <ChoiceCards
        legend={t('ticket.rate.satisfaction')}
        layout="row"
        choices={SATISFACTION_ANSWERS.map((answer) => ({
          value: answer,
          label: t(`ticket.rate.satisfactionAnswers.${answer}`),
        }))}
        value={satisfaction}
        onChange={answer(setSatisfaction)}
      />
      {satisfaction === 'dissatisfied' && (
        <TextArea
          label={t('ticket.rate.reason')}
          value={reason}
          maxLength={1000}
          required
          onChange={answer(setReason)}
        />
      )}
      {problem && (
        <p className="gs-form-error" role="alert">
          {t(PROBLEM_TEXT[problem])}
        </p>
      )}
      {!isOnline && <p className="gs-note">{t('ticket.rate.offlineHint')}</p>}
      <Button type="submit" block>
        {t('ticket.rate.submit')}
      </Button>
    </form>
  )
}
