/**
 * The owner app's one IndexedDB database, through Dexie (the only module that imports dexie).
 * Features read and write their own tables through their data modules (features/report/drafts.ts,
 * features/sync/outbox.ts …). Versions are append-only: never edit a released one, add the next.
 *   1: drafts, keyed by id (a UUID that becomes the report id), indexed by updatedAt.
 *   2: drafts gain the whole report (business, contact, where it goes, photos by reference) and a
 *      `state` index; photos (Blobs, by draft); the outbox (pending requests, oldest first);
 *      receipts (what the server answered for a sent report); settings (device credential,
 *      remembered business and contact).
 */
import { Dexie, type EntityTable, type Table, type Transaction } from 'dexie'
import type { BusinessKind, Category } from '../../mock-api/contract'
import { DB_NAME } from './db-name'

export { DB_NAME }

/**
 * Where a draft is: being written, waiting in the outbox, or refused by the server (then it is
 * editable again and carries the server's message). A sent draft is deleted once its receipt is in.
 */
export type DraftState = 'editing' | 'queued' | 'refused'

/** The server's refusal as the owner sees it: the message in both languages and the fields. */
export type DraftRefusal = {
  status: number
  message: { zh: string; en: string }
  fields: { field: string; code: string }[]
}

/** A report the owner is still writing; it exists only on this phone. Times are epoch ms. */
export type DraftRow = {
  id: string
  category: Category | null
  title: string
  description: string
  createdAt: number
  updatedAt: number
  // Added in version 2; older rows are filled by the upgrade.
  state: DraftState
  business: {
    name: string
    creditCode: string
    kind: BusinessKind | null
    creditCodeConfirmed: boolean
  }
  contact: { name: string; phone: string }
  /** A city or county code chosen by hand or taken from a window code. */
  divisionCode: string | null
  /** The scanned window code's token; checked with the server once online. */
  servicePointToken: string | null
  /** What the server said about the token (name of the window), or null until checked. */
  servicePoint: { id: string; name: string; divisionCode: string } | null
  confidential: boolean
  /** Photo ids in the order the owner added them (rows in `photos`). */
  photoIds: string[]
  refusal: DraftRefusal | null
  /** A scanned entity code's token (issue 16): the server takes the business from it. */
  entityToken?: string | null
}

/** A photo of a draft, already compressed and stripped of EXIF on the phone. */
export type PhotoRow = {
  id: string
  draftId: string
  blob: Blob
  mime: string
  width: number
  height: number
  createdAt: number
}

/**
 * A pending request (features/sync/outbox.ts). `id` is the idempotency key. Items leave oldest
 * first; one that names `after` waits until that item has been sent (a report's photos follow it).
 */
export type OutboxRow = {
  id: string
  method: 'POST' | 'PUT' | 'DELETE'
  path: string
  /** JSON, or a multipart form described by fields and Blobs. */
  body:
    | { kind: 'json'; value: unknown }
    | { kind: 'multipart'; fields: Record<string, string>; files: Record<string, Blob> }
  after: string | null
  /** The draft this item belongs to, so a refusal can bring the draft back. */
  draftId: string | null
  createdAt: number
  attempts: number
  nextAttemptAt: number
  lastError: string | null
}

/** The receipt of a report the server has: enough to show and look the ticket up offline. */
export type ReceiptRow = {
  ticketId: string
  number: string
  code: string
  title: string
  category: Category
  sentAt: number
}

export type SettingRow = { key: string; value: unknown }

type GuishangDb = Dexie & {
  drafts: EntityTable<DraftRow, 'id'>
  photos: EntityTable<PhotoRow, 'id'>
  outbox: EntityTable<OutboxRow, 'id'>
  receipts: EntityTable<ReceiptRow, 'ticketId'>
  settings: Table<SettingRow, string>
}

// Dexie 4.4.7's liveQuery cache can serve a query result that is no longer true: after a live
// query on an index (orderBy) ends, an add, a plain read and a delete leave the next subscriber
// with the deleted row, and later writes do not correct it (reproduced in Chromium 156 and in
// fake-indexeddb; outbox-status.test.tsx fails with the cache on).
// The outbox badge and the drafts list must show the truth, so every live query reads IndexedDB.
export const db = new Dexie(DB_NAME, { cache: 'disabled' }) as GuishangDb

db.version(1).stores({ drafts: 'id, updatedAt' })

db.version(2)
  .stores({
    drafts: 'id, updatedAt, state',
    photos: 'id, draftId',
    outbox: 'id, createdAt, draftId',
    receipts: 'ticketId, sentAt',
    settings: 'key',
  })
  .upgrade((tx) =>
    tx
      .table<DraftRow, string>('drafts')
      .toCollection()
      .modify((draft) => {
        draft.state ??= 'editing'
        draft.business ??= { name: '', creditCode: '', kind: null, creditCodeConfirmed: false }
        draft.contact ??= { name: '', phone: '' }
        draft.divisionCode ??= null
        draft.servicePointToken ??= null
        draft.servicePoint ??= null
        draft.confidential ??= false
        draft.photoIds ??= []
        draft.refusal ??= null
      }),
  )

/**
 * Runs `callback` after the ambient Dexie transaction commits (never if it aborts), or soon when
 * there is none. Either way outside any transaction, so the callback may start new ones.
 */
export function afterCommit(callback: () => void): void {
  const transaction = Dexie.currentTransaction as Transaction | null
  if (!transaction) {
    setTimeout(callback, 0)
    return
  }
  transaction.on('complete', () => setTimeout(callback, 0))
}
