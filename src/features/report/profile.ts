/**
 * The business and contact of the last report, remembered in `settings` so the next draft starts
 * with them filled: an owner reports for the same business again and again.
 */
import { z } from 'zod'
import { db, type DraftRow } from '@/lib/db'
import { businessKindSchema } from '../../../mock-api/contract'

export const SETTING_PROFILE_BUSINESS = 'profile.business'
export const SETTING_PROFILE_CONTACT = 'profile.contact'

export type Profile = Pick<DraftRow, 'business' | 'contact'>

const businessSchema = z.object({
  name: z.string(),
  creditCode: z.string(),
  kind: businessKindSchema.nullable(),
  creditCodeConfirmed: z.boolean(),
})
const contactSchema = z.object({ name: z.string(), phone: z.string() })

/** What was remembered; a missing or unreadable setting is an empty one. */
export async function readProfile(): Promise<Profile> {
  const [business, contact] = await Promise.all([
    db.settings.get(SETTING_PROFILE_BUSINESS),
    db.settings.get(SETTING_PROFILE_CONTACT),
  ])
  const parsedBusiness = businessSchema.safeParse(business?.value)
  const parsedContact = contactSchema.safeParse(contact?.value)
  return {
    business: parsedBusiness.success
      ? parsedBusiness.data
      : { name: '', creditCode: '', kind: null, creditCodeConfirmed: false },
    contact: parsedContact.success ? parsedContact.data : { name: '', phone: '' },
  }
}

export async function rememberProfile({ business, contact }: Profile): Promise<void> {
  await db.settings.bulkPut([
    { key: SETTING_PROFILE_BUSINESS, value: business },
    { key: SETTING_PROFILE_CONTACT, value: contact },
  ])
}
