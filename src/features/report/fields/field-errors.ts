import { useMemo } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import type { DraftRefusal } from '@/lib/db'
import { isFieldPath, toFieldErrorCode, type FieldErrors, type FieldPath } from '../field-paths'

/** Each field's message, in the chosen language. */
export type ErrorTexts = Partial<Record<FieldPath, string>>

function refusalErrors(refusal: DraftRefusal | null): FieldErrors {
  const errors: FieldErrors = {}
  for (const { field, code } of refusal?.fields ?? []) {
    if (isFieldPath(field)) errors[field] ??= toFieldErrorCode(code)
  }
  return errors
}

/**
 * What to show next to each field: the app's own check (once the owner has tried to submit, then
 * live as they correct), over the server's refusal (until the next submit).
 */
export function useErrorTexts(
  clientErrors: FieldErrors | null,
  refusal: DraftRefusal | null,
): ErrorTexts {
  const { t } = useTranslation()
  // One object per set of messages, so the form's sections re-render only when theirs change.
  const key = JSON.stringify({ ...refusalErrors(refusal), ...clientErrors })
  return useMemo(() => {
    const texts: ErrorTexts = {}
    for (const [path, code] of Object.entries(JSON.parse(key) as FieldErrors)) {
      const field = path as FieldPath
      texts[field] =
        code === 'required' ? t(`validation.required.${field}`) : t(`validation.${code}`)
    }
    return texts
  }, [key, t])
}
