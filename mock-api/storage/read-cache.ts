/**
 * Values read from the store, kept for as long as the store has not changed. Every lookup first
 * asks the store for its data version (on SQLite `PRAGMA data_version` on the reader connection:
 * it moves when any connection, in this process or another, commits), and a new version empties
 * the cache. So a hit is what a read would return now, never a stale copy; caching only saves the
 * queries while nothing is written. On PostgreSQL the version is the change feed's count
 * (change-feed.ts): it moves on this process's own writes at once and on other processes' commits
 * when their NOTIFY arrives (about a millisecond on one network), so a hit there can be that much
 * older than a read. While the feed is not listening the version is null and every lookup reads.
 *
 * The version is taken before the read it tags: a commit landing during the read moves the version
 * past the tag, and the next lookup reads again. Cached values are shared: callers must not change
 * them. An absent value (undefined) is not kept, so probing unknown keys never evicts real ones.
 */

export type StoreVersion = () => number | null

export type ReadCache<V> = {
  load(key: string, read: () => Promise<V | undefined>): Promise<V | undefined>
}

export function createReadCache<V>(version: StoreVersion, maxEntries: number): ReadCache<V> {
  const entries = new Map<string, V>()
  let current: number | null = null
  return {
    async load(key, read) {
      const seen = version()
      if (seen === null) return read()
      if (seen !== current) {
        entries.clear()
        current = seen
      }
      const hit = entries.get(key)
      if (hit !== undefined) return hit
      const value = await read()
      // Kept only if nothing was committed since `seen` was taken by this lookup or a later one.
      if (value !== undefined && current === seen && version() === seen) {
        if (entries.size >= maxEntries) {
          const oldest = entries.keys().next().value
          if (oldest !== undefined) entries.delete(oldest)
        }
        entries.set(key, value)
      }
      return value
    },
  }
}
