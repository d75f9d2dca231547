/**
 * Keeping the owner's drafts on the phone. Browsers may evict IndexedDB under storage pressure
 * unless the origin is "persistent"; we ask when the first report is queued (a moment that
 * means something to the owner, and Chromium grants it more readily to an engaged site), not at
 * first visit. And we warn before the quota runs out, so photos never fail to save silently.
 */
export const STORAGE_WARNING_RATIO = 0.8

let asking: Promise<boolean | null> | null = null

/** Asks once per page load; true when the storage is (now) persistent, null when unsupported. */
export function askForPersistentStorage(): Promise<boolean | null> {
  asking ??= (async () => {
    if (typeof navigator === 'undefined') return null
    const storage = navigator.storage as StorageManager | undefined
    if (!storage?.persist || !storage.persisted) return null
    try {
      return (await storage.persisted()) || (await storage.persist())
    } catch {
      return null
    }
  })()
  return asking
}

/** True when this origin uses more than 80 % of its quota; false when the browser cannot say. */
export async function isStorageLow(): Promise<boolean> {
  // Also runs from timers that may outlive a test's page (no navigator there).
  if (typeof navigator === 'undefined') return false
  const storage = navigator.storage as StorageManager | undefined
  if (!storage?.estimate) return false
  try {
    const { usage, quota } = await storage.estimate()
    return (
      usage !== undefined &&
      quota !== undefined &&
      quota > 0 &&
      usage > quota * STORAGE_WARNING_RATIO
    )
  } catch {
    return false
  }
}
