/**
 * Whether the outbox has work, asked with the raw IndexedDB API: the shell asks at start, and
 * loads the outbox (Dexie, zod, the handlers: ~60 KB gz) only when something waits, a refusal
 * is unread or storage runs low, or when an enqueue announces itself with OUTBOX_WAKE_EVENT.
 * An owner who opens the app to look at a ticket downloads none of it.
 */
import { DB_NAME } from '@/lib/db-name'
import { isStorageLow } from './persist-storage'

/** Dispatched on window by outbox.ts after an enqueue commits or a retry is asked for. */
export const OUTBOX_WAKE_EVENT = 'guishang:outbox-wake'
export const SETTING_OUTBOX_REFUSALS = 'outboxRefusals'

function hasQueuedOrRefused(): Promise<boolean> {
  return new Promise((resolve) => {
    const open = indexedDB.open(DB_NAME)
    // No database yet: abort its creation, so Dexie later creates it at the right version.
    open.onupgradeneeded = () => open.transaction?.abort()
    open.onerror = () => resolve(false)
    open.onblocked = () => resolve(true)
    open.onsuccess = () => {
      const db = open.result
      const stores = ['outbox', 'settings'].filter((name) => db.objectStoreNames.contains(name))
      if (stores.length < 2) {
        db.close()
        resolve(false)
        return
      }
      const tx = db.transaction(stores, 'readonly')
      const count = tx.objectStore('outbox').count()
      const refusals = tx.objectStore('settings').get(SETTING_OUTBOX_REFUSALS)
      tx.oncomplete = () => {
        db.close()
        const refused: unknown = (refusals.result as { value?: unknown } | undefined)?.value
        resolve(count.result > 0 || (Array.isArray(refused) && refused.length > 0))
      }
      tx.onerror = () => {
        db.close()
        resolve(true)
      }
    }
  })
}

/** True when the outbox should be loaded now; true too when its tables cannot be read. */
export async function hasOutboxWork(): Promise<boolean> {
  if (typeof indexedDB === 'undefined') return false
  return (await hasQueuedOrRefused()) || (await isStorageLow())
}
