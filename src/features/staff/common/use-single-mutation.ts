/**
 * One request per intent: a click while one is in flight is dropped (a ref, because a double
 * click lands before React re-renders the disabled button). Every answer, done or refused,
 * refreshes the given queries, since a refusal may come from a change made meanwhile.
 */
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query'
import { useRef } from 'react'

export function useSingleMutation<Input, Result>(
  send: (input: Input) => Promise<Result>,
  refreshes: readonly QueryKey[],
) {
  const queryClient = useQueryClient()
  const inFlight = useRef(false)
  const mutation = useMutation({
    mutationFn: send,
    onSettled: () => {
      inFlight.current = false
      for (const queryKey of refreshes) void queryClient.invalidateQueries({ queryKey })
    },
  })

  /** False when a request is still in flight and this one was dropped. */
  const run = (input: Input, onDone?: (result: Result) => void): boolean => {
    if (inFlight.current) return false
    inFlight.current = true
    mutation.mutate(input, onDone ? { onSuccess: onDone } : {})
    return true
  }
  return { run, isPending: mutation.isPending, error: mutation.error, reset: mutation.reset }
}
