/**
 * One account request per intent: a click while one is in flight is dropped (a ref, because a
 * double click lands before React re-renders the disabled button). Every answer refreshes the
 * list, since a refusal may come from a change another admin made meanwhile.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useRef } from 'react'
import type { StaffAccount } from '../../../mock-api/contract'
import { staffKeys } from './queries'

export function useAccountMutation<Input>(send: (input: Input) => Promise<StaffAccount>) {
  const queryClient = useQueryClient()
  const inFlight = useRef(false)
  const mutation = useMutation({
    mutationFn: send,
    onSettled: () => {
      inFlight.current = false
      void queryClient.invalidateQueries({ queryKey: staffKeys.accounts })
    },
  })

  /** False when a request is still in flight and this one was dropped. */
  const run = (input: Input, onDone: (account: StaffAccount) => void): boolean => {
    if (inFlight.current) return false
    inFlight.current = true
    mutation.mutate(input, { onSuccess: onDone })
    return true
  }
  return { run, isPending: mutation.isPending, error: mutation.error, reset: mutation.reset }
}
