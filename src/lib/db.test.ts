import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { DB_NAME, db } from './db'

describe('the IndexedDB schema', () => {
  afterEach(async () => {
    db.close()
    await Dexie.delete(DB_NAME)
  })

  it('upgrades a version-1 draft to a whole, editable report without losing what was typed', async () => {
    db.close()
    await Dexie.delete(DB_NAME)
    const v1 = new Dexie(DB_NAME)
    v1.version(1).stores({ drafts: 'id, updatedAt' })
    await v1.table('drafts').add({
      id: 'd1',
      category: 'help',
      title: '旧草稿',
      description: '升级前写的',
      createdAt: 1,
      updatedAt: 2,
    })
    v1.close()

    await db.open()
    expect(await db.drafts.get('d1')).toEqual({
      id: 'd1',
      category: 'help',
      title: '旧草稿',
      description: '升级前写的',
      createdAt: 1,
      updatedAt: 2,
      state: 'editing',
      business: { name: '', creditCode: '', kind: null, creditCodeConfirmed: false },
      contact: { name: '', phone: '' },
      divisionCode: null,
      servicePointToken: null,
      servicePoint: null,
      confidential: false,
      photoIds: [],
      refusal: null,
    })
    expect(await db.drafts.where('state').equals('editing').count()).toBe(1)
  })
})
