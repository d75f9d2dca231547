import { db, type DraftRow } from '@/lib/db'
import { newId } from '@/lib/ids'

export type Draft = DraftRow
export type DraftFields = Pick<Draft, 'category' | 'title' | 'description'>

export const TITLE_MAX_LENGTH = 60
export const DESCRIPTION_MAX_LENGTH = 2000

const EMPTY_FIELDS: DraftFields = { category: null, title: '', description: '' }

/** What a new draft holds besides the text fields (database version 2). */
const BLANK_REPORT: Omit<Draft, keyof DraftFields | 'id' | 'createdAt' | 'updatedAt'> = {
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

export function isEmptyDraft(draft: DraftFields): boolean {
  return draft.category === null && draft.title.trim() === '' && draft.description.trim() === ''
}

/**
 * Starts a draft and returns its id. Drafts left empty by earlier visits to the new-draft screen
 * are dropped in the same transaction, so leaving that screen untouched leaves nothing behind.
 */
export async function createDraft(now: number = Date.now()): Promise<string> {
  const id = newId()
  await db.transaction('rw', db.drafts, async () => {
    const abandoned = (await db.drafts.toArray()).filter(isEmptyDraft).map((draft) => draft.id)
    await db.drafts.bulkDelete(abandoned)
    await db.drafts.add({ id, ...BLANK_REPORT, ...EMPTY_FIELDS, createdAt: now, updatedAt: now })
  })
  return id
}

/** Writes the changed fields; recreates the draft if another tab pruned or deleted it meanwhile. */
export async function updateDraft(
  id: string,
  changes: Partial<DraftFields>,
  now: number = Date.now(),
): Promise<void> {
  await db.transaction('rw', db.drafts, async () => {
    const existing = await db.drafts.get(id)
    await db.drafts.put({
      ...BLANK_REPORT,
      ...EMPTY_FIELDS,
      createdAt: now,
      ...existing,
      ...changes,
      id,
      updatedAt: now,
    })
  })
}

/** Every draft on this phone, the most recently changed first. */
export function listDrafts(): Promise<Draft[]> {
  return db.drafts.orderBy('updatedAt').reverse().toArray()
}

export function getDraft(id: string): Promise<Draft | undefined> {
  return db.drafts.get(id)
}

export function deleteDraft(id: string): Promise<void> {
  return db.drafts.delete(id)
}
