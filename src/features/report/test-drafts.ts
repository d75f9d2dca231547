import type { Draft, DraftFields } from './drafts'

/** Test only: a complete, valid draft (the report id must be a UUID, as the contract says). */
export const VALID_CREDIT_CODE = '91450103MA5KB1234X'
export const MISMATCHED_CREDIT_CODE = '91450103MA5KB1234Y'

export function validDraft(changes: Partial<Draft> = {}): Draft {
  return {
    id: '2b1c7c3e-5d2a-4f5e-9c1a-0a8b7c6d5e4f',
    category: 'complaint',
    title: '办证窗口排队太久',
    description: '上午九点到十二点只叫了五个号。',
    createdAt: 1_000,
    updatedAt: 2_000,
    state: 'editing',
    business: {
      name: '南宁市青秀区好味道餐饮店',
      creditCode: VALID_CREDIT_CODE,
      kind: 'individual',
      creditCodeConfirmed: false,
    },
    contact: { name: '李明', phone: '13800138000' },
    divisionCode: '450103',
    servicePointToken: null,
    servicePoint: null,
    confidential: false,
    photoIds: [],
    refusal: null,
    ...changes,
  }
}

/** What the draft screen edits, taken from a whole draft. */
export function fieldsOf(draft: Draft): DraftFields {
  const { category, title, description, business, contact, confidential } = draft
  const { divisionCode, servicePointToken, servicePoint } = draft
  return {
    category,
    title,
    description,
    business,
    contact,
    confidential,
    divisionCode,
    servicePointToken,
    servicePoint,
  }
}
