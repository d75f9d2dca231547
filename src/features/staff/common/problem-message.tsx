import { useTranslation } from 'react-i18next'
import { ApiProblem, NetworkError } from '@/lib/http'

/** The server's refusal in the reader's language, as the API worded it; or why nothing came back. */
export function useProblemText() {
  const { t, i18n } = useTranslation()
  return (error: unknown): string => {
    if (error instanceof ApiProblem) {
      const message = error.problem.message
      const text = message ? (i18n.language === 'en' ? message.en : message.zh) : error.message
      const fields = (error.problem.errors ?? []).map((e) => `${e.field}: ${e.code}`).join(', ')
      return t('staff.refused', {
        status: error.status,
        text: fields ? `${text} (${fields})` : text,
      })
    }
    if (error instanceof NetworkError) return t('staff.noAnswer')
    return t('staff.failed')
  }
}

/**
 * The refusal as shown. `plain`: only the server's sentence, for a person rather than a clerk
 * reporting a fault (issue 17: a wrong password read "未能完成（401）：…").
 */
export function ProblemMessage({ error, plain = false }: { error: unknown; plain?: boolean }) {
  const problemText = useProblemText()
  const { i18n } = useTranslation()
  if (error === null || error === undefined) return null
  const message = error instanceof ApiProblem ? error.problem.message : undefined
  return (
    <p role="alert" className="gs-staff-alert">
      {plain && message ? (i18n.language === 'en' ? message.en : message.zh) : problemText(error)}
    </p>
  )
}
