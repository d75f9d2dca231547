import { useTranslation } from '@/lib/i18n-react'
import { ApiProblem, NetworkError } from '@/lib/http'

/**
 * The server's refusal as the API worded it, in the reader's language (the refusal table's zh/en
 * sentence), said plainly: no status number and no field codes, which are for a developer, not for
 * the clerk reading it (issue 17). The fields at fault are shown by the form beside each field.
 * A problem without a sentence, or no answer at all, gets the console's own words.
 */
export function useProblemText() {
  const { t, i18n } = useTranslation()
  return (error: unknown): string => {
    if (error instanceof ApiProblem) {
      const message = error.problem.message
      if (!message) return t('staff.failed')
      return i18n.language.startsWith('en') ? message.en : message.zh
    }
    if (error instanceof NetworkError) return t('staff.noAnswer')
    return t('staff.failed')
  }
}

/** The refusal as shown, in one alert: every console screen says it the same way. */
export function ProblemMessage({ error }: { error: unknown }) {
  const problemText = useProblemText()
  if (error === null || error === undefined) return null
  return (
    <p role="alert" className="gs-staff-alert">
      {problemText(error)}
    </p>
  )
}
