import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { RESOLVED_ANSWERS, SATISFACTION_ANSWERS } from '../../../../mock-api/contract'
import { enqueueRating } from '../detail/actions'
import { validateRating, type RatingProblem } from './validate-rating'

const PROBLEM_TEXT = {
  answer_both: 'ticket.rate.answerBoth',
  reason_required: 'ticket.rate.reasonRequired',
} as const

/** The two questions, and a reason when dissatisfied; kept in the outbox until sent. */
export function RatingForm({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation()
  const [resolved, setResolved] = useState('')
  const [satisfaction, setSatisfaction] = useState('')
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<RatingProblem | null>(null)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const result = validateRating({ resolved, satisfaction, reason })
    if (!result.ok) return setProblem(result.problem)
    setProblem(null)
    void enqueueRating(ticketId, result.rating)
  }

  return (
    <form
      className="gs-ticket-form"
      onSubmit={submit}
      aria-label={t('ticket.rate.title')}
      noValidate
    >
      <fieldset>
        <legend>{t('ticket.rate.resolved')}</legend>
        {RESOLVED_ANSWERS.map((answer) => (
          <label key={answer}>
            <input
              type="radio"
              name="resolved"
              value={answer}
              checked={resolved === answer}
              onChange={() => setResolved(answer)}
            />{' '}
            {t(`ticket.rate.resolvedAnswers.${answer}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('ticket.rate.satisfaction')}</legend>
        {SATISFACTION_ANSWERS.map((answer) => (
          <label key={answer}>
            <input
              type="radio"
              name="satisfaction"
              value={answer}
              checked={satisfaction === answer}
              onChange={() => setSatisfaction(answer)}
            />{' '}
            {t(`ticket.rate.satisfactionAnswers.${answer}`)}
          </label>
        ))}
      </fieldset>
      {satisfaction === 'dissatisfied' && (
        <label>
          {t('ticket.rate.reason')}
          <textarea
            value={reason}
            maxLength={1000}
            required
            onChange={(event) => setReason(event.target.value)}
          />
        </label>
      )}
      {problem && (
        <p className="gs-form-error" role="alert">
          {t(PROBLEM_TEXT[problem])}
        </p>
      )}
      <button type="submit" className="gs-button">
        {t('ticket.rate.submit')}
      </button>
    </form>
  )
}
