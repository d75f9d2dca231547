/**
 * A draft checked with the contract's own `reportInputSchema`, so the app refuses exactly what the
 * API would, plus the credit code's soft rule: a check-character mismatch must be confirmed
 * (the API refuses it otherwise). Errors are codes by field path; the form words them.
 */
import { reportInputSchema, type ReportInput } from '../../../mock-api/contract'
import { checkCreditCode } from '../../../mock-api/shared/credit-code'
import type { Draft } from './drafts'
import { toReport } from './to-report'
import { isFieldPath, toFieldErrorCode, type FieldErrors } from './field-paths'

export type Validation = { ok: true; report: ReportInput } | { ok: false; errors: FieldErrors }

const isBlank = (value: unknown) =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '')

function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (value, key) => (value && typeof value === 'object' ? Reflect.get(value, key) : undefined),
    body,
  )
}

type Issue = { path: PropertyKey[]; code: string; message: string }

function errorsOf(issues: readonly Issue[], body: unknown): FieldErrors {
  const errors: FieldErrors = {}
  for (const issue of issues) {
    const path = issue.path.join('.')
    if (!isFieldPath(path) || errors[path]) continue
    const reason = issue.code === 'too_big' ? issue.code : issue.message
    errors[path] = isBlank(valueAt(body, issue.path)) ? 'required' : toFieldErrorCode(reason)
  }
  return errors
}

export function validateDraft(draft: Draft): Validation {
  const body = toReport(draft)
  const result = reportInputSchema.safeParse(body)
  const errors = result.success ? {} : errorsOf(result.error.issues, body)
  const credit = checkCreditCode(draft.business.creditCode)
  if (
    !errors['business.creditCode'] &&
    credit.checksum === 'mismatch' &&
    !draft.business.creditCodeConfirmed
  ) {
    errors['business.creditCode'] = 'credit_code_checksum'
  }
  if (result.success && Object.keys(errors).length === 0) return { ok: true, report: result.data }
  return { ok: false, errors }
}
