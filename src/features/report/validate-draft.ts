/**
 * A draft checked with the contract's own `reportInputSchema`, so the app refuses exactly what the
 * API would, plus the credit code's soft rule: a check-character mismatch must be confirmed
 * (the API refuses it otherwise). Errors are codes by field path; the form words them.
 */
import { reportInputSchema, type ReportInput } from '../../../mock-api/contract'
import { checkCreditCode } from '../../../mock-api/shared/credit-code'
import type { Draft } from './drafts'
import { toReport } from './to-report'

export const FIELD_PATHS = [
  'category',
  'title',
  'description',
  'business.name',
  'business.creditCode',
  'business.kind',
  'contact.name',
  'contact.phone',
  'divisionCode',
  'servicePointToken',
] as const
export type FieldPath = (typeof FIELD_PATHS)[number]

export const FIELD_ERROR_CODES = [
  'required',
  'too_long',
  'invalid_credit_code',
  'credit_code_checksum',
  'credit_code_authority',
  'invalid_characters',
  'no_visible_text',
  'invalid_phone',
  'invalid_division',
  'invalid_code',
  'retired_code',
  'invalid',
] as const
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number]
export type FieldErrors = Partial<Record<FieldPath, FieldErrorCode>>

export type Validation = { ok: true; report: ReportInput } | { ok: false; errors: FieldErrors }

export const isFieldPath = (path: string): path is FieldPath =>
  FIELD_PATHS.some((known) => known === path)

/** A code from the contract's messages or the server's `errors[].code`, in our words. */
export function toFieldErrorCode(code: string): FieldErrorCode {
  if (code === 'too_big') return 'too_long'
  return FIELD_ERROR_CODES.find((known) => known === code) ?? 'invalid'
}

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
