import { checkCreditCode } from '../../../mock-api/shared/credit-code'
import type { Draft } from './drafts'

/**
 * The body of `POST /api/reports` for a draft, before validation: empty choices stay null so the
 * contract's schema names them. The report id is the draft id, so a retry is the same report.
 * `creditCodeConfirmed` is sent only where it means something: a code that fails its check
 * character and that the owner confirmed.
 */
export function toReport(draft: Draft) {
  const { business } = draft
  const isConfirmedMismatch =
    business.creditCodeConfirmed && checkCreditCode(business.creditCode).checksum === 'mismatch'
  return {
    id: draft.id,
    category: draft.category,
    title: draft.title,
    description: draft.description,
    business: {
      name: business.name,
      creditCode: business.creditCode,
      kind: business.kind,
      ...(isConfirmedMismatch ? { creditCodeConfirmed: true } : {}),
    },
    contact: { name: draft.contact.name, phone: draft.contact.phone },
    divisionCode: draft.divisionCode,
    ...(draft.servicePointToken ? { servicePointToken: draft.servicePointToken } : {}),
    confidential: draft.confidential,
    ...(draft.entityToken ? { entityToken: draft.entityToken } : {}),
  }
}
