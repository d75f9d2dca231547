import { useMutation, useQueryClient } from '@tanstack/react-query'
import { signOut } from '../common/api'
import { staffKeys } from '../common/queries'

/** Ends the session and forgets every staff answer, so the next person sees none of it. */
export function useSignOut() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: signOut,
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: staffKeys.all })
      queryClient.setQueryData(staffKeys.me, null)
    },
  })
}
