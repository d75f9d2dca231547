import { QueryClient, onlineManager } from '@tanstack/react-query'

// Server reads only: local data (Dexie) is read with useLiveQuery, so the default networkMode
// ('online', which pauses while offline) is right here and never stalls IndexedDB work.
export function createQueryClient(): QueryClient {
  // TanStack Query 5 assumes it starts online and learns only from later online/offline events;
  // an app opened offline (from the service worker) must know at once, so that its server
  // reads wait for the network instead of failing (a window code says "checked once online").
  if (typeof navigator !== 'undefined') onlineManager.setOnline(navigator.onLine)
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: 2 },
    },
  })
}
