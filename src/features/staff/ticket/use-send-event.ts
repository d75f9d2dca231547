/**
 * Sends one lifecycle event exactly once per intent. A click while a request is in flight is
 * ignored (a ref, because a double click lands before React re-renders the disabled button). The
 * Idempotency-Key outlives a request that got no answer, so trying again after a lost response
 * cannot apply the event twice; an answer (done or refused) starts a new intent with a new key.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useRef } from 'react'
import type { StaffEvent } from '../../../../mock-api/contract'
import { NetworkError } from '@/lib/http'
import { newId } from '@/lib/ids'
import { sendEvent } from '../common/api'
import { staffKeys } from '../common/queries'

export function useSendEvent(ticketId: string) {
  const queryClient = useQueryClient()
  const keyRef = useRef(newId())
  const inFlight = useRef(false)
  const mutation = useMutation({
    mutationFn: (event: StaffEvent) => sendEvent(ticketId, event, keyRef.current),
    onSuccess: (ticket) => {
      queryClient.setQueryData(staffKeys.ticket(ticketId), ticket)
      void queryClient.invalidateQueries({ queryKey: staffKeys.queue })
    },
    onSettled: (_ticket, error) => {
      if (!(error instanceof NetworkError)) keyRef.current = newId()
      inFlight.current = false
    },
  })

  /** False when a request is still in flight and this one was dropped. */
  const send = (event: StaffEvent, onDone?: () => void): boolean => {
    if (inFlight.current) return false
    inFlight.current = true
    mutation.mutate(event, { onSuccess: () => onDone?.() })
    return true
  }
  const isBusy = () => inFlight.current
  return {
    send,
    isBusy,
    isPending: mutation.isPending,
    error: mutation.error,
    reset: mutation.reset,
  }
}
