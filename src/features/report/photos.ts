import { db, type PhotoRow } from '@/lib/db'
import { newId } from '@/lib/ids'
import { PHOTO_MIME, type CompressedPhoto } from '@/lib/compress-photo'

export type Photo = PhotoRow

export const MAX_PHOTOS = 9

/**
 * Stores a compressed photo and appends it to the draft, in one transaction; returns its id, or
 * null when the draft already has MAX_PHOTOS or is no longer editable.
 */
export async function addPhoto(
  draftId: string,
  photo: CompressedPhoto,
  now: number = Date.now(),
): Promise<string | null> {
  return db.transaction('rw', db.drafts, db.photos, async () => {
    const draft = await db.drafts.get(draftId)
    if (!draft || draft.state === 'queued' || draft.photoIds.length >= MAX_PHOTOS) return null
    const id = newId()
    await db.photos.add({ id, draftId, mime: PHOTO_MIME, createdAt: now, ...photo })
    await db.drafts.update(draftId, { photoIds: [...draft.photoIds, id], updatedAt: now })
    return id
  })
}

export async function removePhoto(draftId: string, photoId: string): Promise<void> {
  await db.transaction('rw', db.drafts, db.photos, async () => {
    const draft = await db.drafts.get(draftId)
    if (!draft || draft.state === 'queued') return
    await db.photos.delete(photoId)
    const photoIds = draft.photoIds.filter((id) => id !== photoId)
    await db.drafts.update(draftId, { photoIds, updatedAt: Date.now() })
  })
}

export function getPhoto(id: string): Promise<Photo | undefined> {
  return db.photos.get(id)
}
