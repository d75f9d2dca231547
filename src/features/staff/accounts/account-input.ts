// The account forms' drafts and how they become the API's input, checked with the contract's own
// schemas so the form refuses what the API would, field by field.
import type { ZodError } from 'zod'
import type { StaffRole } from '../../../../mock-api/contract'

export const ACCOUNT_ERROR_CODES = [
  'required',
  'invalid_username',
  'too_short',
  'invalid_desk_division',
  'invalid',
] as const
export type AccountErrorCode = (typeof ACCOUNT_ERROR_CODES)[number]
export type AccountErrors = Readonly<Record<string, AccountErrorCode>>

export type ScopeDraft = {
  role: StaffRole
  divisionCode: string
  unitId: string
  /** A window clerk's service point (issue 16). */
  servicePointId?: string
}

export const needsDivision = (role: StaffRole) =>
  role === 'desk' || role === 'office' || role === 'workstation'

/** The scope fields the API takes for the draft's role (the others are sent as null). */
export const scopeInput = ({ role, divisionCode, unitId, servicePointId }: ScopeDraft) => ({
  role,
  divisionCode: needsDivision(role) ? divisionCode : null,
  unitId: role === 'unit' && unitId !== '' ? unitId : null,
  servicePointId: role === 'window' && servicePointId ? servicePointId : null,
})

const isKnown = (code: string): code is AccountErrorCode =>
  (ACCOUNT_ERROR_CODES as readonly string[]).includes(code)

/** The first problem of each field, by the field's name. */
export function accountErrorsOf(error: ZodError): AccountErrors {
  const errors: Record<string, AccountErrorCode> = {}
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.')
    errors[field] ??= isKnown(issue.message) ? issue.message : 'invalid'
  }
  return errors
}
