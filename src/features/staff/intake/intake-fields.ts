import {
  HANDLING_WORKING_DAYS,
  type BusinessKind,
  type Category,
  type IntakeChannel,
  type IntakeInput,
  type StaffRole,
} from '../../../../mock-api/contract'

/** What the clerk has typed so far; empty choices are '' until picked. */
export type IntakeDraft = {
  channel: IntakeChannel
  issuer: string
  documentNumber: string
  category: Category | ''
  title: string
  description: string
  businessName: string
  creditCode: string
  kind: BusinessKind | ''
  creditCodeConfirmed: boolean
  entityToken: string | null
  contactName: string
  phone: string
  divisionCode: string
  confidential: boolean
}

/** Who registers what (the API enforces the same): desks take calls and hand-downs. */
export const CHANNELS_OF: Readonly<Partial<Record<StaffRole, readonly IntakeChannel[]>>> = {
  desk: ['phone', 'handed_down'],
  window: ['window'],
  workstation: ['phone', 'window'],
}

export const blankIntake = (role: StaffRole, divisionCode: string): IntakeDraft => ({
  channel: CHANNELS_OF[role]?.[0] ?? 'phone',
  issuer: '',
  documentNumber: '',
  category: '',
  title: '',
  description: '',
  businessName: '',
  creditCode: '',
  kind: '',
  creditCodeConfirmed: false,
  entityToken: null,
  contactName: '',
  phone: '',
  divisionCode,
  confidential: false,
})

export const handlingDaysOf = (category: Category | ''): number | null =>
  category === '' ? null : HANDLING_WORKING_DAYS[category]

export const isCreditCodeShape = (code: string) => /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)

/** The request body; the server's schema names what is missing or wrong. */
export function toIntakeInput(id: string, draft: IntakeDraft): IntakeInput {
  return {
    id,
    channel: draft.channel,
    ...(draft.channel === 'handed_down'
      ? { handedDown: { issuer: draft.issuer, documentNumber: draft.documentNumber } }
      : {}),
    category: draft.category as Category,
    title: draft.title,
    description: draft.description,
    business: {
      name: draft.businessName,
      creditCode: draft.creditCode.trim().toUpperCase(),
      kind: draft.kind as BusinessKind,
      ...(draft.creditCodeConfirmed ? { creditCodeConfirmed: true } : {}),
    },
    contact: { name: draft.contactName, phone: draft.phone },
    divisionCode: draft.divisionCode,
    confidential: draft.confidential,
    ...(draft.entityToken ? { entityToken: draft.entityToken } : {}),
  }
}
