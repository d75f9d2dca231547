/**
 * A session ends on its own (idle or absolute timeout, or signed out in another tab). The first
 * staff request answered 401 then means "signed out": the console forgets the person and shows
 * the sign-in form again, instead of an error on every screen.
 */
import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { ApiProblem } from '@/lib/http'
import { staffKeys } from '../common/queries'

const isSignedOut = (error: unknown) => error instanceof ApiProblem && error.status === 401

export function forgetOnExpiry(queryClient: QueryClient): () => void {
  const forget = () => {
    queryClient.removeQueries({ queryKey: staffKeys.all, predicate: (q) => q.queryKey[1] !== 'me' })
    queryClient.setQueryData(staffKeys.me, null)
  }
  const stopQueries = queryClient.getQueryCache().subscribe((event) => {
    if (event.type === 'updated' && isSignedOut(event.query.state.error)) forget()
  })
  const stopMutations = queryClient.getMutationCache().subscribe((event) => {
    if (event.type === 'updated' && isSignedOut(event.mutation.state.error)) forget()
  })
  return () => {
    stopQueries()
    stopMutations()
  }
}

export function useSessionExpiry(): void {
  const queryClient = useQueryClient()
  useEffect(() => forgetOnExpiry(queryClient), [queryClient])
}
