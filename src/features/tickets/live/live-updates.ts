/**
 * One stream per page, however many screens want it: the first subscriber opens it, the last one
 * closes it. Each change refetches the list and that ticket, even when no screen shows it, so the
 * copy kept for offline is current; `ready` (after a reconnect's backlog) refetches everything
 * on screen, so a page catches up after a drop without a reload. Changes that come in a burst
 * (an outbox sending 200 queued reports makes 200 tickets) are taken together: the list is
 * fetched once for the lot and each ticket once, one at a time, not once per change side by side.
 */
import type { QueryClient } from '@tanstack/react-query'
import { storedCredential } from '@/lib/device'
import { ticketKeys, ticketQuery } from '../common/queries'
import {
  openTicketStream,
  waitOrAbort,
  type TicketChange,
  type TicketStream,
} from './ticket-stream'

type Listener = (change: TicketChange) => void

/** How long changes are gathered before the list and their tickets are fetched. */
const GATHER_MS = 250

let stream: TicketStream | null = null
let subscribers = 0
const listeners = new Set<Listener>()

const reconnect = () => stream?.reconnect()

async function refreshTicket(queryClient: QueryClient, ticketId: string): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: ticketKeys.one(ticketId) })
  // A ticket no screen shows was only marked stale: fetch it, which also stores it for offline.
  await queryClient.prefetchQuery(ticketQuery(ticketId))
}

/**
 * Gathers changed tickets for GATHER_MS, then refetches the list once and each ticket once;
 * changes that arrive meanwhile wait for the next round.
 */
function changeGatherer(queryClient: QueryClient): (ticketId: string) => void {
  const pending = new Set<string>()
  let timer: ReturnType<typeof setTimeout> | undefined
  let isRunning = false
  async function run() {
    timer = undefined
    isRunning = true
    const ids = [...pending]
    pending.clear()
    try {
      await queryClient.invalidateQueries({ queryKey: ticketKeys.list() })
      for (const id of ids) await refreshTicket(queryClient, id)
    } catch {
      // A failed refetch leaves the query stale and its error on screen: nothing more to do.
    } finally {
      isRunning = false
      if (pending.size > 0) timer = setTimeout(() => void run(), GATHER_MS)
    }
  }
  return (ticketId) => {
    pending.add(ticketId)
    if (timer === undefined && !isRunning) timer = setTimeout(() => void run(), GATHER_MS)
  }
}

export function subscribeLiveUpdates(queryClient: QueryClient, onChange?: Listener): () => void {
  if (onChange) listeners.add(onChange)
  subscribers += 1
  if (stream === null) {
    const changed = changeGatherer(queryClient)
    stream = openTicketStream(
      {
        onChange(change) {
          changed(change.ticketId)
          listeners.forEach((listener) => listener(change))
        },
        onReady() {
          void queryClient.invalidateQueries({ queryKey: ticketKeys.all })
        },
      },
      {
        credential: storedCredential,
        fetch: (url, init) => fetch(url, init),
        wait: waitOrAbort,
      },
    )
    window.addEventListener('online', reconnect)
  }
  return () => {
    if (onChange) listeners.delete(onChange)
    subscribers -= 1
    if (subscribers > 0 || stream === null) return
    stream.close()
    stream = null
    window.removeEventListener('online', reconnect)
  }
}
