/**
 * The report form's fields by path and the error codes it words, without zod: the form marks a
 * server's refusal on its fields as it opens, before the contract's check (validate-draft.ts)
 * has loaded.
 */
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

export const isFieldPath = (path: string): path is FieldPath =>
  FIELD_PATHS.some((known) => known === path)

/** A code from the contract's messages or the server's `errors[].code`, in our words. */
export function toFieldErrorCode(code: string): FieldErrorCode {
  if (code === 'too_big') return 'too_long'
  return FIELD_ERROR_CODES.find((known) => known === code) ?? 'invalid'
}
