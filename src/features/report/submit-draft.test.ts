import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { listOutbox } from '@/features/sync/outbox'
import { getDraft, type Draft } from './drafts'
import { addPhoto } from './photos'
import { readProfile } from './profile'
import { submitDraft } from './submit-draft'
import { fieldsOf, validDraft } from './test-drafts'

const photo = (bytes: string) => ({
  blob: new Blob([bytes], { type: 'image/jpeg' }),
  width: 8,
  height: 6,
})

async function storedDraftWithPhotos(count: number): Promise<Draft> {
  const draft = validDraft({ title: '', description: '' })
  await db.drafts.put(draft)
  for (let n = 1; n <= count; n += 1) await addPhoto(draft.id, photo(`photo ${n}`), 3_000 + n)
  return (await getDraft(draft.id)) as Draft
}

describe('submitDraft', () => {
  beforeEach(async () => {
    await Promise.all(db.tables.map((table) => table.clear()))
  })

  it('queues the draft, its report and then each photo, all with the draft id', async () => {
    const stored = await storedDraftWithPhotos(2)
    const onScreen = fieldsOf(validDraft())
    expect(await submitDraft(stored.id, onScreen, 5_000)).toEqual({ ok: true })

    expect(await getDraft(stored.id)).toMatchObject({
      state: 'queued',
      title: onScreen.title,
      description: onScreen.description,
      refusal: null,
    })
    const [report, ...photos] = await listOutbox()
    expect(report).toMatchObject({
      id: stored.id,
      method: 'POST',
      path: '/reports',
      after: null,
      draftId: stored.id,
      body: {
        kind: 'json',
        value: { id: stored.id, title: onScreen.title, divisionCode: '450103' },
      },
    })
    expect(photos.map((item) => ({ id: item.id, path: item.path, after: item.after }))).toEqual(
      stored.photoIds.map((id) => ({
        id,
        path: `/tickets/${stored.id}/attachments`,
        after: stored.id,
      })),
    )
    // fake-indexeddb cannot clone jsdom's Blob faithfully: the item carries what the photo row holds.
    for (const [index, item] of photos.entries()) {
      const photoId = stored.photoIds[index] ?? ''
      expect(item.draftId).toBe(stored.id)
      expect(item.body).toEqual({
        kind: 'multipart',
        fields: { id: photoId },
        files: { file: (await db.photos.get(photoId))?.blob },
      })
    }
    expect(await readProfile()).toEqual({ business: onScreen.business, contact: onScreen.contact })
  })

  it('queues nothing and changes nothing when the draft is not valid', async () => {
    const stored = await storedDraftWithPhotos(1)
    const result = await submitDraft(stored.id, { ...fieldsOf(stored), category: null })
    expect(result).toEqual({
      ok: false,
      errors: { title: 'required', description: 'required', category: 'required' },
    })
    expect((await getDraft(stored.id))?.state).toBe('editing')
    expect(await listOutbox()).toEqual([])
  })

  it('rolls everything back when one step fails inside the transaction', async () => {
    const stored = await storedDraftWithPhotos(2)
    // Another item already holds the second photo's id, so queueing that photo fails.
    await db.outbox.add({
      id: stored.photoIds[1] ?? '',
      method: 'POST',
      path: '/elsewhere',
      body: { kind: 'json', value: null },
      after: null,
      draftId: null,
      createdAt: 1,
      attempts: 0,
      nextAttemptAt: 0,
      lastError: null,
    })

    await expect(submitDraft(stored.id, fieldsOf(validDraft()))).rejects.toThrow()
    expect(await getDraft(stored.id)).toMatchObject({ state: 'editing', title: '' })
    expect((await listOutbox()).map((item) => item.path)).toEqual(['/elsewhere'])
    expect(await db.settings.count()).toBe(0)
  })

  it('queues a draft once, however often it is submitted', async () => {
    const stored = await storedDraftWithPhotos(1)
    const fields = fieldsOf(validDraft())
    await Promise.all([submitDraft(stored.id, fields), submitDraft(stored.id, fields)])
    await submitDraft(stored.id, fields)
    expect((await listOutbox()).map((item) => item.id)).toEqual([stored.id, stored.photoIds[0]])
  })
})
