import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect, useState } from 'react'
import { listOutbox } from './outbox'
import { isStorageLow } from './persist-storage'
import { listRefusals, type OutboxRefusal } from './refusals'

export type OutboxStatus = {
  /**
   * What still waits for the server, as the owner counts it (the badge): one per draft, however
   * many photos follow its report, plus each item that belongs to no draft.
   */
  waiting: number
  /** Why the oldest waiting item's last attempt failed; null when none has failed. */
  lastError: string | null
  /** Refusals not yet dismissed, oldest first; those of a draft queued again are left out. */
  refusals: OutboxRefusal[]
  isStorageLow: boolean
}

const STORAGE_CHECK_INTERVAL_MS = 5 * 60_000

async function readStatus() {
  const [items, refusals] = await Promise.all([listOutbox(), listRefusals()])
  const queuedDrafts = new Set(items.map((item) => item.draftId))
  return {
    waiting: new Set(items.map((item) => item.draftId ?? item.id)).size,
    lastError: items.find((item) => item.lastError !== null)?.lastError ?? null,
    refusals: refusals.filter((refusal) => !queuedDrafts.has(refusal.draftId)),
  }
}

function useIsStorageLow(waiting: number): boolean {
  const [isLow, setIsLow] = useState(false)
  useEffect(() => {
    let isCurrent = true
    const check = () => void isStorageLow().then((low) => isCurrent && setIsLow(low))
    check()
    const interval = setInterval(check, STORAGE_CHECK_INTERVAL_MS)
    return () => {
      isCurrent = false
      clearInterval(interval)
    }
  }, [waiting])
  return isLow
}

/** What the owner sees of the outbox, live from IndexedDB; undefined while first loading. */
export function useOutboxStatus(): OutboxStatus | undefined {
  const status = useLiveQuery(readStatus, [])
  const isLow = useIsStorageLow(status?.waiting ?? 0)
  return status && { ...status, isStorageLow: isLow }
}
