import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { createDraft, deleteDraft, getDraft, listDrafts, updateDraft } from './drafts'

describe('drafts', () => {
  beforeEach(async () => {
    await db.drafts.clear()
  })

  it('creates an empty draft with a UUID and drops drafts abandoned while still empty', async () => {
    const abandoned = await createDraft(1_000)
    await updateDraft('kept', { title: '已写了一点' }, 1_500)
    const id = await createDraft(2_000)

    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(await getDraft(abandoned)).toBeUndefined()
    expect((await listDrafts()).map((draft) => draft.id)).toEqual([id, 'kept'])
  })

  it('updates only the given fields and the change time', async () => {
    const id = await createDraft(1_000)
    await updateDraft(id, { category: 'help' }, 2_000)
    await updateDraft(id, { title: '标题' }, 3_000)

    expect(await getDraft(id)).toMatchObject({
      id,
      category: 'help',
      title: '标题',
      description: '',
      createdAt: 1_000,
      updatedAt: 3_000,
      state: 'editing',
      photoIds: [],
    })
  })

  it('recreates a draft deleted by another tab rather than dropping what is typed', async () => {
    const id = await createDraft(1_000)
    await deleteDraft(id)
    await updateDraft(id, { description: '还在写' }, 2_000)
    expect(await getDraft(id)).toMatchObject({ description: '还在写', updatedAt: 2_000 })
  })
})
