/**
 * The last answer the server gave for each ticket read, kept in IndexedDB (the `settings` table,
 * keys `tickets:…`) so the list and a ticket open offline, marked with when they were fetched.
 * Also what the owner has seen: the status of each ticket when it was last opened, so the list
 * can bring changed tickets forward.
 */
import { db } from '@/lib/db'

const CACHE_PREFIX = 'tickets:cache:'
const SEEN_KEY = 'tickets:seen'

export type Cached<T> = { value: T; savedAt: number }

export async function readCached<T>(
  key: string,
  parse: (value: unknown) => T,
): Promise<Cached<T> | null> {
  const row = await db.settings.get(CACHE_PREFIX + key)
  const stored = row?.value as { value?: unknown; savedAt?: unknown } | undefined
  if (!stored || typeof stored.savedAt !== 'number') return null
  try {
    return { value: parse(stored.value), savedAt: stored.savedAt }
  } catch {
    return null
  }
}

export async function writeCached(key: string, value: unknown, savedAt: number): Promise<void> {
  await db.settings.put({ key: CACHE_PREFIX + key, value: { value, savedAt } })
}

export type SeenStatuses = Record<string, string>

export async function readSeen(): Promise<SeenStatuses> {
  const value = (await db.settings.get(SEEN_KEY))?.value
  return value && typeof value === 'object' ? (value as SeenStatuses) : {}
}

export async function markSeen(ticketId: string, status: string): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const seen = await readSeen()
    if (seen[ticketId] === status) return
    await db.settings.put({ key: SEEN_KEY, value: { ...seen, [ticketId]: status } })
  })
}
