import { QueryClient, onlineManager } from '@tanstack/react-query'
import { ApiProblem } from './http'

/** How many times a failed server read is tried again when trying again can help. */
export const READ_RETRIES = 2

/**
 * A read the server refused as a client error (403 outside one's scope, 404 gone, 400 bad) gets
 * the same answer however often it is asked, so the screen shows the error at once instead of
 * "Loading…" for the retries' few seconds. 408 and 429 are about the moment, and a network error
 * or a 5xx may pass: those are tried again.
 */
export function shouldRetryRead(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiProblem) {
    const { status } = error
    if (status >= 400 && status < 500 && status !== 408 && status !== 429) return false
  }
  return failureCount < READ_RETRIES
}

// Server reads only: local data (Dexie) is read with useLiveQuery, so the default networkMode
// ('online', which pauses while offline) is right here and never stalls IndexedDB work.
export function createQueryClient(): QueryClient {
  // TanStack Query 5 assumes it starts online and learns only from later online/offline events;
  // an app opened offline (from the service worker) must know at once, so that its server
  // reads wait for the network instead of failing (a window code says "checked once online").
  if (typeof navigator !== 'undefined') onlineManager.setOnline(navigator.onLine)
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetryRead },
    },
  })
}
