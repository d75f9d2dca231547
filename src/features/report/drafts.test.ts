import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { createDraft, deleteDraft, getDraft, listDrafts, updateDraft } from './drafts'
import { addPhoto } from './photos'
import { rememberProfile } from './profile'

const photo = { blob: new Blob(['jpeg']), width: 10, height: 10 }
const business = {
  name: '南宁市青秀区好味道餐饮店',
  creditCode: '91450103MA5KXXXX0X',
  kind: 'individual' as const,
  creditCodeConfirmed: false,
}
const contact = { name: '李明', phone: '13800138000' }

describe('drafts', () => {
  beforeEach(async () => {
    await Promise.all(db.tables.map((table) => table.clear()))
  })

  it('creates an empty draft with a UUID and drops drafts abandoned while still empty', async () => {
    const abandoned = await createDraft({ now: 1_000 })
    await updateDraft('kept', { title: '已写了一点' }, 1_500)
    const withPhoto = await createDraft({ now: 1_700 })
    await addPhoto(withPhoto, photo, 1_800)
    const id = await createDraft({ now: 2_000 })

    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(await getDraft(abandoned)).toBeUndefined()
    expect((await listDrafts()).map((draft) => draft.id)).toEqual([id, withPhoto, 'kept'])
  })

  it('starts a new draft with the remembered business and contact, and the scanned token', async () => {
    await rememberProfile({ business, contact })
    const id = await createDraft({ servicePointToken: 'c2Nhbm5lZC10b2tlbi0xMjM0NTY' })
    expect(await getDraft(id)).toMatchObject({
      business,
      contact,
      servicePointToken: 'c2Nhbm5lZC10b2tlbi0xMjM0NTY',
      servicePoint: null,
      divisionCode: null,
      state: 'editing',
      title: '',
    })
  })

  it('starts blank when nothing is remembered, or what is remembered is unreadable', async () => {
    await db.settings.put({ key: 'profile.business', value: { name: 42 } })
    const id = await createDraft()
    expect(await getDraft(id)).toMatchObject({
      business: { name: '', creditCode: '', kind: null, creditCodeConfirmed: false },
      contact: { name: '', phone: '' },
    })
  })

  it('reads the remembered business only with a kind it knows, and only the fields a draft has', async () => {
    await db.settings.put({ key: 'profile.business', value: { ...business, kind: 'company' } })
    await db.settings.put({ key: 'profile.contact', value: { ...contact, wechat: 'x' } })
    const id = await createDraft()
    const draft = await getDraft(id)
    expect(draft?.business).toEqual({
      name: '',
      creditCode: '',
      kind: null,
      creditCodeConfirmed: false,
    })
    expect(draft?.contact).toEqual(contact)
  })

  it('updates only the given fields and the change time', async () => {
    const id = await createDraft({ now: 1_000 })
    await updateDraft(id, { category: 'help' }, 2_000)
    await updateDraft(id, { title: '标题', divisionCode: '450103' }, 3_000)

    expect(await getDraft(id)).toMatchObject({
      id,
      category: 'help',
      title: '标题',
      description: '',
      divisionCode: '450103',
      createdAt: 1_000,
      updatedAt: 3_000,
      state: 'editing',
      photoIds: [],
    })
  })

  it('recreates a draft deleted by another tab rather than dropping what is typed', async () => {
    const id = await createDraft({ now: 1_000 })
    await deleteDraft(id)
    await updateDraft(id, { description: '还在写' }, 2_000)
    expect(await getDraft(id)).toMatchObject({ description: '还在写', updatedAt: 2_000 })
  })

  it('leaves a queued draft as it was queued, and does not bring back a sent one', async () => {
    const id = await createDraft()
    await updateDraft(id, { title: '已提交的标题' })
    await db.drafts.update(id, { state: 'queued' })
    await updateDraft(id, { title: '提交后又改' })
    expect((await getDraft(id))?.title).toBe('已提交的标题')

    await db.receipts.put({
      ticketId: 'sent',
      number: 'GX2611250001',
      code: 'ABC234',
      title: 't',
      category: 'help',
      sentAt: 1,
    })
    await updateDraft('sent', { title: '迟到的保存' })
    expect(await getDraft('sent')).toBeUndefined()
  })

  it('deletes a draft together with its photos', async () => {
    const id = await createDraft()
    const other = await createDraft()
    await addPhoto(id, photo)
    await addPhoto(other, photo)
    await deleteDraft(id)
    expect(await getDraft(id)).toBeUndefined()
    expect((await db.photos.toArray()).map((row) => row.draftId)).toEqual([other])
  })
})
