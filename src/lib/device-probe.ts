/**
 * Whether this phone holds a device credential, asked with the raw IndexedDB API so the shell can
 * ask at start without loading Dexie (see features/sync/outbox-probe.ts for the same trick). A
 * phone without one has never sent anything, so it has no tickets to follow.
 */
import { DB_NAME } from './db-name'

export const SETTING_DEVICE = 'device'
/** Dispatched on window by device.ts once a newly registered credential is stored. */
export const DEVICE_REGISTERED_EVENT = 'guishang:device-registered'

const isCredential = (value: unknown) =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { credential?: unknown }).credential === 'string'

export function hasStoredCredential(): Promise<boolean> {
  if (typeof indexedDB === 'undefined') return Promise.resolve(false)
  return new Promise((resolve) => {
    const open = indexedDB.open(DB_NAME)
    // No database yet: abort its creation, so Dexie later creates it at the right version.
    open.onupgradeneeded = () => open.transaction?.abort()
    open.onerror = () => resolve(false)
    open.onblocked = () => resolve(false)
    open.onsuccess = () => {
      const db = open.result
      if (!db.objectStoreNames.contains('settings')) {
        db.close()
        resolve(false)
        return
      }
      const row = db.transaction('settings', 'readonly').objectStore('settings').get(SETTING_DEVICE)
      row.onsuccess = () => {
        db.close()
        resolve(isCredential((row.result as { value?: unknown } | undefined)?.value))
      }
      row.onerror = () => {
        db.close()
        resolve(false)
      }
    }
  })
}
