/**
 * When the outbox is flushed: at start, on `online` (every item becomes due at once: the network
 * it waited for is back), when the page becomes visible, after each enqueue, when an item's
 * backoff ends, and when the service worker relays a Background Sync. iOS has no Background
 * Sync, so the page's own triggers are the mechanism and Background Sync only a bonus.
 * Flushes in one tab never overlap: a request during a flush makes it run once more.
 */
import { onBackgroundSync, requestBackgroundSync } from '@/lib/sw'
import { flush, type FlushOutcome } from './flush'
import { listOutbox, onOutboxWake, retryNow } from './outbox'

/** When another tab holds the lock, look again after this long (it may have been closed). */
const LOCKED_RECHECK_MS = 15_000
/** When every item left is already due again: the next look, soon but not in a tight loop. */
const DUE_RECHECK_MS = 250

export type OutboxSyncOptions = {
  /** After a flush that settled anything: the app invalidates its server reads here. */
  onSettled?: (outcome: FlushOutcome) => void
}

let running: Promise<void> | null = null
let isRequestedAgain = false
let timer: ReturnType<typeof setTimeout> | undefined
const settledListeners = new Set<(outcome: FlushOutcome) => void>()
let activeStarts = 0

const isSurelyOffline = () => !navigator.onLine

async function scheduleNext(outcome: FlushOutcome): Promise<void> {
  clearTimeout(timer)
  const items = await listOutbox()
  if (items.length === 0 || activeStarts === 0) return
  if (isSurelyOffline() || outcome.failed > 0) void requestBackgroundSync()
  if (outcome.isSkipped) {
    timer = setTimeout(flushSoon, LOCKED_RECHECK_MS)
    return
  }
  // Items due now but still here usually wait on an item that is backing off, so future times
  // come first. When none is in the future, an item's backoff (full jitter: it can be a few ms)
  // ended while this flush was finishing: look again shortly instead of waiting for a trigger.
  const now = Date.now()
  const later = items.map((item) => item.nextAttemptAt).filter((at) => at > now)
  timer = setTimeout(flushSoon, later.length > 0 ? Math.min(...later) - now : DUE_RECHECK_MS)
}

async function runOnce(): Promise<void> {
  if (isSurelyOffline()) {
    void requestBackgroundSync()
    return
  }
  const outcome = await flush()
  if (outcome.sent + outcome.refused > 0) settledListeners.forEach((listener) => listener(outcome))
  await scheduleNext(outcome)
}

/** Flushes now, or once more after the flush in progress; resolves when done. */
export function requestFlush(): Promise<void> {
  if (running) {
    isRequestedAgain = true
    return running
  }
  running = (async () => {
    try {
      do {
        isRequestedAgain = false
        await runOnce()
      } while (isRequestedAgain)
    } catch (error) {
      console.error('outbox flush failed', error)
    } finally {
      running = null
    }
  })()
  return running
}

const flushSoon = () => void requestFlush()

/** Starts every trigger (and one flush now); returns the stop function. */
export function startOutboxSync(options: OutboxSyncOptions = {}): () => void {
  const { onSettled } = options
  if (onSettled) settledListeners.add(onSettled)
  activeStarts += 1
  const onOnline = () => void retryNow()
  const onVisible = () => {
    if (document.visibilityState === 'visible') void requestFlush()
  }
  window.addEventListener('online', onOnline)
  document.addEventListener('visibilitychange', onVisible)
  const stopWake = onOutboxWake(flushSoon)
  const stopSync = onBackgroundSync(flushSoon)
  void requestFlush()
  return () => {
    window.removeEventListener('online', onOnline)
    document.removeEventListener('visibilitychange', onVisible)
    stopWake()
    stopSync()
    if (onSettled) settledListeners.delete(onSettled)
    activeStarts -= 1
    if (activeStarts === 0) clearTimeout(timer)
  }
}
