/**
 * Submitting moves a draft into the outbox in ONE IndexedDB transaction: the draft becomes
 * `queued`, its report is queued under the draft's id (the idempotency key, and the ticket's id
 * on the server), each photo is queued to follow the report, and the business and contact are
 * remembered. It all commits or none of it does, so the outbox never holds a report whose draft
 * is still editable, nor a queued draft without its report.
 */
import { db } from '@/lib/db'
import { enqueue } from '@/features/sync/outbox'
import type { DraftFields } from './drafts'
import { rememberProfile } from './profile'
import type { FieldErrors } from './field-paths'
import { validateDraft } from './validate-draft'

export type SubmitResult = { ok: true } | { ok: false; errors: FieldErrors }

export const attachmentsPath = (draftId: string) =>
  `/tickets/${encodeURIComponent(draftId)}/attachments`

/** Validates the draft with `fields` (what the screen shows) and, if valid, queues it. */
export function submitDraft(
  id: string,
  fields: DraftFields,
  now: number = Date.now(),
): Promise<SubmitResult> {
  const tables = [db.drafts, db.photos, db.outbox, db.settings]
  return db.transaction('rw', tables, async (): Promise<SubmitResult> => {
    const stored = await db.drafts.get(id)
    if (!stored) throw new Error(`draft ${id} is gone`)
    // A second tap, or another tab: it is queued already, once.
    if (stored.state === 'queued') return { ok: true }
    const draft = { ...stored, ...fields }
    const validation = validateDraft(draft)
    if (!validation.ok) return validation

    await db.drafts.put({ ...draft, state: 'queued', refusal: null, updatedAt: now })
    const body = { kind: 'json' as const, value: validation.report }
    await enqueue({ id, method: 'POST', path: '/reports', body, draftId: id })
    for (const photo of await db.photos.bulkGet(draft.photoIds)) {
      if (!photo) continue
      await enqueue({
        id: photo.id,
        method: 'POST',
        path: attachmentsPath(id),
        body: { kind: 'multipart', fields: { id: photo.id }, files: { file: photo.blob } },
        after: id,
        draftId: id,
      })
    }
    await rememberProfile({ business: draft.business, contact: draft.contact })
    return { ok: true }
  })
}
