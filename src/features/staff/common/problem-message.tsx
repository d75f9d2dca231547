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

export function ProblemMessage({ error }: { error: unknown }) {
  const problemText = useProblemText()
  if (error === null || error === undefined) return null
  return (
    <p role="alert" className="gs-staff-alert">
      {problemText(error)}
    </p>
  )
}
