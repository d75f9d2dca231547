/**
 * The owner app's one IndexedDB database, through Dexie (the only module that imports dexie).
 * Features read and write their own tables through their data modules (features/report/drafts.ts).
 * Versions are append-only: never edit a released one, add the next with its upgrade.
 *   1: drafts, keyed by id (a UUID that becomes the report id), indexed by updatedAt.
 */
import { Dexie, type EntityTable } from 'dexie'
import type { Category } from '../../mock-api/contract'

export const DB_NAME = 'guishang'

/** A report the owner is still writing; it exists only on this phone. Times are epoch ms. */
export type DraftRow = {
  id: string
  category: Category | null
  title: string
  description: string
  createdAt: number
  updatedAt: number
}

type GuishangDb = Dexie & { drafts: EntityTable<DraftRow, 'id'> }

export const db = new Dexie(DB_NAME) as GuishangDb

db.version(1).stores({ drafts: 'id, updatedAt' })
