import { Suspense, lazy, useEffect, useState } from 'react'
import { OUTBOX_WAKE_EVENT, hasOutboxWork } from '@/features/sync/outbox-probe'
import { loadScreenMessages } from '@/lib/i18n'
import { useOfflineSupport } from '@/lib/sw'
import { paths } from '../paths'

// Its strings are the screens' (lib/i18n.ts, loadScreenMessages), not the first load's.
const loadOutboxStatus = () =>
  Promise.all([import('@/features/sync/outbox-status'), loadScreenMessages()]).then(
    ([module]) => module,
  )
const OutboxStatus = lazy(() =>
  loadOutboxStatus().then((module) => ({ default: module.OutboxStatus })),
)

const loadOutbox = () =>
  Promise.all([
    import('../outbox-handlers'),
    import('@/features/sync/outbox'),
    import('@/features/sync/triggers'),
    loadOutboxStatus(),
  ])

// A sent report changes what the server says: the screens' queries are read again. The query
// client loads here if no screen has brought it yet (it stays out of home's first load).
const refreshQueries = () =>
  void import('../query').then(({ queryClient }) => queryClient.invalidateQueries())

async function startOutbox(onSettled: () => void): Promise<() => void> {
  const [{ outboxHandlers }, { onOutboxSettled }, { startOutboxSync }] = await loadOutbox()
  // Handlers first: an item sent before they listen would lose its receipt.
  const stopHandlers = onOutboxSettled(outboxHandlers)
  const stopSync = startOutboxSync({ onSettled })
  return () => {
    stopSync()
    stopHandlers()
  }
}

// Without a service worker (WeChat's, Alipay's in-app browser) nothing is precached, so a report
// submitted offline would find the outbox's code out of reach: such a page fetches it while online.
function usePreloadWithoutServiceWorker(): void {
  const offlineSupport = useOfflineSupport()
  useEffect(() => {
    if (offlineSupport !== 'unavailable') return
    const preload = () => void loadOutbox().catch(() => undefined)
    if (navigator.onLine) preload()
    else window.addEventListener('online', preload, { once: true })
    return () => window.removeEventListener('online', preload)
  }, [offlineSupport])
}

// The outbox loads once there is work for it (see features/sync/outbox-probe.ts); from then on
// it stays, sending and showing its status.
function useIsOutboxNeeded(): boolean {
  const [isNeeded, setIsNeeded] = useState(false)
  useEffect(() => {
    if (isNeeded) return
    let isCurrent = true
    const need = () => setIsNeeded(true)
    const probe = () => void hasOutboxWork().then((has) => isCurrent && has && need())
    probe()
    window.addEventListener(OUTBOX_WAKE_EVENT, need)
    window.addEventListener('online', probe)
    document.addEventListener('visibilitychange', probe)
    return () => {
      isCurrent = false
      window.removeEventListener(OUTBOX_WAKE_EVENT, need)
      window.removeEventListener('online', probe)
      document.removeEventListener('visibilitychange', probe)
    }
  }, [isNeeded])
  return isNeeded
}

/** Starts the outbox (flush triggers and completion handlers) when needed, and shows its status. */
export function OutboxBadge() {
  const isNeeded = useIsOutboxNeeded()
  const [isStarted, setStarted] = useState(false)
  const [attempt, setAttempt] = useState(0)
  usePreloadWithoutServiceWorker()
  useEffect(() => {
    if (!isNeeded) return
    let isCurrent = true
    const retry = () => setAttempt((n) => n + 1)
    const started = startOutbox(refreshQueries)
    started.then(
      () => isCurrent && setStarted(true),
      // Its code could not load (offline, no service worker): the items wait in IndexedDB, and
      // the network's return tries again.
      () => isCurrent && window.addEventListener('online', retry, { once: true }),
    )
    return () => {
      isCurrent = false
      window.removeEventListener('online', retry)
      void started.then(
        (stop) => stop(),
        () => undefined,
      )
    }
  }, [isNeeded, attempt])

  if (!isStarted) return null
  return (
    <Suspense fallback={null}>
      <OutboxStatus
        draftsHref={paths.drafts()}
        draftHref={paths.draft}
        ticketHref={paths.ticket}
        ticketsHref={paths.tickets()}
      />
    </Suspense>
  )
}
