import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { ApiProblem } from '@/lib/http'
import { listOutbox, onOutboxSettled, settleRefused, settleSent } from '@/features/sync/outbox'
import { getDraft, type Draft } from './drafts'
import { addPhoto } from './photos'
import { getReceipt } from './receipt-store'
import { handleReportRefused, handleReportSent } from './receipts'
import { submitDraft } from './submit-draft'
import { fieldsOf, validDraft } from './test-drafts'

const ticket = (id: string) => ({ id, number: 'GX2611250001', code: 'K7M2QA', status: 'submitted' })
const refusal = new ApiProblem({
  type: 'urn:guishang:problem:invalid_code',
  title: 'Unprocessable Entity',
  status: 422,
  message: { zh: '无法识别此二维码，请手动选择所在地区。', en: 'This code is not valid.' },
  errors: [{ field: 'servicePointToken', code: 'invalid_code' }],
})

async function queuedDraft(photos: number): Promise<Draft> {
  const draft = validDraft({ servicePointToken: 'Zm9yZ2VkLXRva2VuLTEyMzQ1Ng' })
  const { id } = draft
  await db.drafts.put(validDraft())
  for (let n = 0; n < photos; n += 1) {
    await addPhoto(id, { blob: new Blob(['x']), width: 1, height: 1 })
  }
  await submitDraft(id, fieldsOf(draft))
  return (await getDraft(id)) as Draft
}

const itemsOf = async (draftId: string) =>
  (await listOutbox()).filter((item) => item.draftId === draftId)

describe('the report side of the outbox', () => {
  let stop: () => void
  beforeEach(async () => {
    await Promise.all(db.tables.map((table) => table.clear()))
    stop = onOutboxSettled({ sent: handleReportSent, refused: handleReportRefused })
  })
  afterEach(() => stop())

  it('stores the receipt when the report is sent, and drops the draft once its photos are sent', async () => {
    const draft = await queuedDraft(2)
    const [report, firstPhoto, secondPhoto] = await itemsOf(draft.id)
    if (!report || !firstPhoto || !secondPhoto) throw new Error('expected three items')

    await settleSent(report, ticket(draft.id))
    expect(await getReceipt(draft.id)).toMatchObject({
      ticketId: draft.id,
      number: 'GX2611250001',
      code: 'K7M2QA',
      title: '办证窗口排队太久',
      category: 'complaint',
    })
    // The photos are still on their way: the draft and its photos stay until then.
    expect(await getDraft(draft.id)).toBeDefined()

    await settleSent(firstPhoto, { id: firstPhoto.id })
    expect(await db.photos.count()).toBe(2)
    await settleSent(secondPhoto, { id: secondPhoto.id })
    expect(await getDraft(draft.id)).toBeUndefined()
    expect(await db.photos.count()).toBe(0)
    expect(await getReceipt(draft.id)).toBeDefined()
  })

  it('drops a draft without photos as soon as its report is sent', async () => {
    const draft = await queuedDraft(0)
    const [report] = await itemsOf(draft.id)
    if (!report) throw new Error('expected the report item')
    await settleSent(report, ticket(draft.id))
    expect(await getDraft(draft.id)).toBeUndefined()
  })

  it('keeps the item queued when the answer carries no receipt', async () => {
    const draft = await queuedDraft(0)
    const [report] = await itemsOf(draft.id)
    if (!report) throw new Error('expected the report item')
    await expect(settleSent(report, { ok: true })).rejects.toThrow()
    expect(await itemsOf(draft.id)).toHaveLength(1)
    expect((await getDraft(draft.id))?.state).toBe('queued')
  })

  it('brings a refused report back as an editable draft with the server message, photos kept', async () => {
    const draft = await queuedDraft(1)
    const [report] = await itemsOf(draft.id)
    if (!report) throw new Error('expected the report item')

    expect(await settleRefused(report, refusal)).toBe(2)
    expect(await getDraft(draft.id)).toMatchObject({
      state: 'refused',
      refusal: {
        status: 422,
        message: { zh: '无法识别此二维码，请手动选择所在地区。', en: 'This code is not valid.' },
        fields: [{ field: 'servicePointToken', code: 'invalid_code' }],
      },
      photoIds: draft.photoIds,
    })
    expect(await db.photos.count()).toBe(1)
    expect(await listOutbox()).toEqual([])
    expect(await getReceipt(draft.id)).toBeUndefined()
  })

  it('leaves items that belong to no draft alone', async () => {
    await db.receipts.clear()
    const item = {
      id: 'rating-1',
      method: 'PUT' as const,
      path: '/tickets/t/rating',
      body: { kind: 'json' as const, value: {} },
      after: null,
      draftId: null,
      createdAt: 1,
      attempts: 0,
      nextAttemptAt: 0,
      lastError: null,
    }
    await handleReportSent(item, {})
    await handleReportRefused(item, refusal)
    expect(await db.receipts.count()).toBe(0)
  })
})
