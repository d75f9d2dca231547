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
  /** Where what waits is seen: the drafts, one ticket (its rating, material…), or the tickets. */
  waitsIn: WaitsIn
  /** Why the oldest waiting item's last attempt failed; null when none has failed. */
  lastError: string | null
  /** Refusals not yet dismissed, oldest first; those of a draft queued again are left out. */
  refusals: OutboxRefusal[]
  isStorageLow: boolean
}

export type WaitsIn =
  { kind: 'drafts' } | { kind: 'ticket'; ticketId: string } | { kind: 'tickets' }

const TICKET_PATH = /^\/tickets\/([^/]+)\//

/**
 * Where the badge leads. A report (and its photos) waits on the drafts screen; an action on a
 * ticket the owner already has (a rating, material, an urge) waits on that ticket's screen, where
 * its form says so; actions on several tickets wait in the tickets list.
 */
export function waitsIn(items: { path: string; draftId?: string | null }[]): WaitsIn {
  if (items.length === 0 || items.some((item) => item.draftId)) return { kind: 'drafts' }
  const tickets = new Set(items.map((item) => TICKET_PATH.exec(item.path)?.[1] ?? ''))
  if (tickets.has('')) return { kind: 'drafts' }
  const [only] = tickets
  return tickets.size === 1 && only ? { kind: 'ticket', ticketId: only } : { kind: 'tickets' }
}

const STORAGE_CHECK_INTERVAL_MS = 5 * 60_000

async function readStatus() {
  const [items, refusals] = await Promise.all([listOutbox(), listRefusals()])
  const queuedDrafts = new Set(items.map((item) => item.draftId))
  return {
    waiting: new Set(items.map((item) => item.draftId ?? item.id)).size,
    waitsIn: waitsIn(items),
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
