import { useQuery } from '@tanstack/react-query'
import { ticketListQuery } from '../common/queries'
import { useLiveUpdates } from './use-live-updates'

/**
 * Follows this phone's tickets on every owner screen (the shell mounts it once the phone has a
 * device credential). The stream opens only while the list holds a ticket: a phone that has
 * registered but has no ticket yet keeps no connection open.
 */
export function LiveTicketUpdates({ ticketHref }: { ticketHref: (id: string) => string }) {
  const list = useQuery(ticketListQuery())
  const hasTickets = (list.data?.value.length ?? 0) > 0
  useLiveUpdates(ticketHref, hasTickets)
  return null
}
