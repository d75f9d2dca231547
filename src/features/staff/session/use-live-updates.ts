/**
 * Keeps an open console current: the API's staff event stream (server-sent events, the session
 * cookie goes along) names each ticket that changed in my scope, and the queue and that ticket
 * are read again. EventSource reconnects by itself with Last-Event-ID; the queue's own polling
 * covers the time a stream is down.
 */
import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { z } from 'zod'
import { staffKeys } from '../common/queries'

const changeSchema = z.object({ ticketId: z.string() })

export function useLiveUpdates(isEnabled: boolean): void {
  const queryClient = useQueryClient()
  useEffect(() => {
    if (!isEnabled || typeof EventSource === 'undefined') return
    const source = new EventSource('/api/staff/events')
    source.addEventListener('ticket', (message: MessageEvent<string>) => {
      const change = changeSchema.safeParse(JSON.parse(message.data))
      void queryClient.invalidateQueries({ queryKey: staffKeys.queue })
      if (change.success) {
        void queryClient.invalidateQueries({ queryKey: staffKeys.ticket(change.data.ticketId) })
      }
    })
    return () => source.close()
  }, [isEnabled, queryClient])
}
