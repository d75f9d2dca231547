/**
 * One stream per page, however many screens want it: the first subscriber opens it, the last one
 * closes it. Each change refetches the list and that ticket, even when no screen shows it, so the
 * copy kept for offline is current; `ready` (after a reconnect's backlog) refetches everything
 * on screen, so a page catches up after a drop without a reload.
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

let stream: TicketStream | null = null
let subscribers = 0
const listeners = new Set<Listener>()

const reconnect = () => stream?.reconnect()

async function refreshTicket(queryClient: QueryClient, ticketId: string): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: ticketKeys.one(ticketId) })
  // A ticket no screen shows was only marked stale: fetch it, which also stores it for offline.
  await queryClient.prefetchQuery(ticketQuery(ticketId))
}

export function subscribeLiveUpdates(queryClient: QueryClient, onChange?: Listener): () => void {
  if (onChange) listeners.add(onChange)
  subscribers += 1
  if (stream === null) {
    stream = openTicketStream(
      {
        onChange(change) {
          void queryClient.invalidateQueries({ queryKey: ticketKeys.list() })
          void refreshTicket(queryClient, change.ticketId)
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
