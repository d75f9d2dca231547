/**
 * TanStack Query, out of the first load: home reads nothing from the server, so the client and
 * its provider load with the first screen that does (router.tsx wraps each lazy screen with
 * `withQueryClient`), or when the shell's outbox or live updates need them.
 */
import { QueryClientContext, QueryClientProvider } from '@tanstack/react-query'
import { useContext, type ComponentType } from 'react'
import { createQueryClient } from '@/lib/query-client'

/** The page's one query client: every screen's provider hands out this same one. */
export const queryClient = createQueryClient()
// Mounted for the page's life, so it keeps following focus and the network between screens,
// whose providers come and go with them.
queryClient.mount()

/** `Component` inside the app's query client, or the one around it (a test's own). */
export function withQueryClient<P extends object>(Component: ComponentType<P>): ComponentType<P> {
  function WithQueryClient(props: P) {
    const outer = useContext(QueryClientContext)
    return (
      <QueryClientProvider client={outer ?? queryClient}>
        <Component {...props} />
      </QueryClientProvider>
    )
  }
  return WithQueryClient
}
