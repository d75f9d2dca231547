import { Blob as NodeBlob } from 'node:buffer'
import { beforeEach, describe, expect, it } from 'vitest'
import { db, type DraftRow } from '@/lib/db'
import { buildDraftsExport, exportFileName } from './export-drafts'

const draft = (id: string, updatedAt: number, photoIds: string[]): DraftRow => ({
  id,
  category: 'help',
  title: `草稿 ${id}`,
  description: '写了一半',
  createdAt: 1,
  updatedAt,
  state: 'editing',
  business: { name: '某公司', creditCode: '', kind: null, creditCodeConfirmed: false },
  contact: { name: '张三', phone: '13800000000' },
  divisionCode: '450100',
  servicePointToken: null,
  servicePoint: null,
  confidential: false,
  photoIds,
  refusal: null,
})

// jsdom's Blob does not survive fake-indexeddb's structured clone; Node's does, as a browser's would.
const photo = (id: string, draftId: string, bytes: string) => ({
  id,
  draftId,
  blob: new NodeBlob([bytes], { type: 'image/jpeg' }) as unknown as Blob,
  mime: 'image/jpeg',
  width: 4,
  height: 3,
  createdAt: 2,
})

describe('export my drafts', () => {
  beforeEach(async () => {
    await Promise.all(db.tables.map((table) => table.clear()))
  })

  it('holds every draft, oldest first, with its photos inlined as data URLs in its order', async () => {
    await db.drafts.bulkAdd([draft('b', 20, ['p2', 'p1']), draft('a', 10, [])])
    await db.photos.bulkAdd([photo('p1', 'b', 'one'), photo('p2', 'b', 'two')])

    const file = await buildDraftsExport(new Date('2026-03-04T05:06:07Z'))
    expect(file).toMatchObject({
      format: 'guishang-drafts',
      version: 1,
      exportedAt: '2026-03-04T05:06:07.000Z',
    })
    expect(file.drafts.map((d) => d.id)).toEqual(['a', 'b'])
    expect(file.drafts[1]).toMatchObject({ title: '草稿 b', contact: { phone: '13800000000' } })
    expect(file.drafts[1]?.photos).toEqual([
      {
        id: 'p2',
        draftId: 'b',
        mime: 'image/jpeg',
        width: 4,
        height: 3,
        createdAt: 2,
        dataUrl: `data:image/jpeg;base64,${btoa('two')}`,
      },
      {
        id: 'p1',
        draftId: 'b',
        mime: 'image/jpeg',
        width: 4,
        height: 3,
        createdAt: 2,
        dataUrl: `data:image/jpeg;base64,${btoa('one')}`,
      },
    ])
    // The file is plain JSON: what the owner keeps can be read back without this app.
    expect(JSON.parse(JSON.stringify(file))).toEqual(file)
  })

  it('is named after the local date', () => {
    expect(exportFileName(new Date(2026, 0, 9, 23, 59))).toBe('guishang-drafts-20260109.json')
  })
})
