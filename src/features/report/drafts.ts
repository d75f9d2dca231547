import { db, type DraftRow } from '@/lib/db'
import { newId } from '@/lib/ids'
import { readProfile } from './profile'

export type Draft = DraftRow
/** What the owner edits on the draft screen; the rest (state, photos) has its own writers. */
export type DraftFields = Pick<
  Draft,
  | 'category'
  | 'title'
  | 'description'
  | 'business'
  | 'contact'
  | 'divisionCode'
  | 'servicePointToken'
  | 'servicePoint'
  | 'confidential'
  | 'entityToken'
>

export const TITLE_MAX_LENGTH = 60
export const DESCRIPTION_MAX_LENGTH = 2000

const BLANK: Omit<Draft, 'id' | 'createdAt' | 'updatedAt'> = {
  category: null,
  title: '',
  description: '',
  state: 'editing',
  business: { name: '', creditCode: '', kind: null, creditCodeConfirmed: false },
  contact: { name: '', phone: '' },
  divisionCode: null,
  servicePointToken: null,
  servicePoint: null,
  confidential: false,
  photoIds: [],
  refusal: null,
}

/** Nothing the owner wrote or added: the remembered business and contact do not count. */
export function isEmptyDraft(draft: Draft): boolean {
  return (
    draft.state === 'editing' &&
    draft.category === null &&
    draft.title.trim() === '' &&
    draft.description.trim() === '' &&
    draft.photoIds.length === 0
  )
}

export type NewDraft = {
  now?: number
  servicePointToken?: string | null
  /** From a scanned entity code: the business it names, verified by its token. */
  entity?: { token: string; business: Draft['business'] }
}

/**
 * Starts a draft, filled with the remembered business and contact, and returns its id. Drafts
 * left empty by earlier visits are dropped in the same transaction, so opening the new-draft
 * screen and leaving leaves nothing behind.
 */
export async function createDraft({
  now = Date.now(),
  servicePointToken = null,
  entity,
}: NewDraft = {}): Promise<string> {
  const id = newId()
  await db.transaction('rw', db.drafts, db.settings, async () => {
    const abandoned = (await db.drafts.toArray()).filter(isEmptyDraft).map((draft) => draft.id)
    await db.drafts.bulkDelete(abandoned)
    const profile = await readProfile()
    await db.drafts.add({
      ...BLANK,
      ...profile,
      servicePointToken,
      ...(entity ? { business: entity.business, entityToken: entity.token } : {}),
      id,
      createdAt: now,
      updatedAt: now,
    })
  })
  return id
}

/**
 * Writes the changed fields. A draft another tab pruned or deleted is recreated rather than
 * dropping what is typed, but a queued or already sent one is left alone: what went into the
 * outbox is what the server gets.
 */
export async function updateDraft(
  id: string,
  changes: Partial<DraftFields>,
  now: number = Date.now(),
): Promise<void> {
  await db.transaction('rw', db.drafts, db.receipts, async () => {
    const existing = await db.drafts.get(id)
    if (existing?.state === 'queued') return
    if (!existing && (await db.receipts.get(id))) return
    await db.drafts.put({ ...BLANK, createdAt: now, ...existing, ...changes, id, updatedAt: now })
  })
}

/** Every draft on this phone, the most recently changed first. */
export function listDrafts(): Promise<Draft[]> {
  return db.drafts.orderBy('updatedAt').reverse().toArray()
}

export function getDraft(id: string): Promise<Draft | undefined> {
  return db.drafts.get(id)
}

/** Deletes a draft with its photos. */
export async function deleteDraft(id: string): Promise<void> {
  await db.transaction('rw', db.drafts, db.photos, async () => {
    await db.photos.where('draftId').equals(id).delete()
    await db.drafts.delete(id)
  })
}
