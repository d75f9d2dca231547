import { QueryClient } from '@tanstack/react-query'

// Server reads only: local data (Dexie) is read with useLiveQuery, so the default networkMode
// ('online', which pauses while offline) is right here and never stalls IndexedDB work.
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: 2 },
    },
  })
}
