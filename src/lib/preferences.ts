export const STORAGE_KEY_LANGUAGE = 'guishang.language'
export const STORAGE_KEY_LARGE_TEXT = 'guishang.large-text'
/** Set once the owner has dismissed the hint about what this browser cannot do. */
export const STORAGE_KEY_CAPABILITY_HINT = 'guishang.capability-hint-dismissed'

/** Reads a remembered setting; null when unset or when the browser refuses storage access. */
export function readPreference(key: string): string | null {
  try {
    return localStorage.getItem(key)
  } catch {
    return null
  }
}

// Storage can throw (quota, disabled cookies); a setting that is not remembered is no reason to fail.
export function writePreference(key: string, value: string): void {
  try {
    localStorage.setItem(key, value)
  } catch {
    return
  }
}
