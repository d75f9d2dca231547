/**
 * The business and contact of the last report, remembered in `settings` so the next draft starts
 * with them filled: an owner reports for the same business again and again.
 */
import { db, type DraftRow } from '@/lib/db'
import { BUSINESS_KINDS } from '../../../mock-api/shared/report-choices'

export const SETTING_PROFILE_BUSINESS = 'profile.business'
export const SETTING_PROFILE_CONTACT = 'profile.contact'

export type Profile = Pick<DraftRow, 'business' | 'contact'>

type Business = Profile['business']
type Contact = Profile['contact']

// Read as a new draft opens, so without zod (a window code's form must not wait for it).
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null
const isString = (value: unknown): value is string => typeof value === 'string'

function asBusiness(value: unknown): Business | null {
  if (!isRecord(value)) return null
  const { name, creditCode, kind, creditCodeConfirmed } = value
  const knownKind = BUSINESS_KINDS.find((each) => each === kind) ?? null
  if (!isString(name) || !isString(creditCode) || typeof creditCodeConfirmed !== 'boolean')
    return null
  if (kind !== null && knownKind === null) return null
  return { name, creditCode, kind: knownKind, creditCodeConfirmed }
}

function asContact(value: unknown): Contact | null {
  if (!isRecord(value)) return null
  const { name, phone } = value
  return isString(name) && isString(phone) ? { name, phone } : null
}

/** What was remembered; a missing or unreadable setting is an empty one. */
export async function readProfile(): Promise<Profile> {
  const [business, contact] = await Promise.all([
    db.settings.get(SETTING_PROFILE_BUSINESS),
    db.settings.get(SETTING_PROFILE_CONTACT),
  ])
  return {
    business: asBusiness(business?.value) ?? {
      name: '',
      creditCode: '',
      kind: null,
      creditCodeConfirmed: false,
    },
    contact: asContact(contact?.value) ?? { name: '', phone: '' },
  }
}

export async function rememberProfile({ business, contact }: Profile): Promise<void> {
  await db.settings.bulkPut([
    { key: SETTING_PROFILE_BUSINESS, value: business },
    { key: SETTING_PROFILE_CONTACT, value: contact },
  ])
}
