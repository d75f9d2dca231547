// A nudge from enqueueNotification to this process's sender, so a message goes out right after its
// write commits instead of at the next poll. Only a hint: the write may still roll back (then the
// sender finds nothing), and rows written by another process are found by polling.
const listeners = new Set<() => void>()

export function signalEnqueued(): void {
  for (const listener of listeners) listener()
}

/** Calls `listener` on every enqueue in this process; returns the function that stops it. */
export function onEnqueued(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
