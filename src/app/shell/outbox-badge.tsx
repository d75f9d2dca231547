import { useQueryClient } from '@tanstack/react-query'
import { Suspense, lazy, useEffect, useState } from 'react'
import { OUTBOX_WAKE_EVENT, hasOutboxWork } from '@/features/sync/outbox-probe'
import { paths } from '../paths'

const OutboxStatus = lazy(() =>
  import('@/features/sync/outbox-status').then((module) => ({ default: module.OutboxStatus })),
)

async function startOutbox(onSettled: () => void): Promise<() => void> {
  const [{ outboxHandlers }, { onOutboxSettled }, { startOutboxSync }] = await Promise.all([
    import('../outbox-handlers'),
    import('@/features/sync/outbox'),
    import('@/features/sync/triggers'),
  ])
  // Handlers first: an item sent before they listen would lose its receipt.
  const stopHandlers = onOutboxSettled(outboxHandlers)
  const stopSync = startOutboxSync({ onSettled })
  return () => {
    stopSync()
    stopHandlers()
  }
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
  const queryClient = useQueryClient()
  const isNeeded = useIsOutboxNeeded()
  useEffect(() => {
    if (!isNeeded) return
    const started = startOutbox(() => void queryClient.invalidateQueries())
    return () => void started.then((stop) => stop())
  }, [isNeeded, queryClient])

  if (!isNeeded) return null
  return (
    <Suspense fallback={null}>
      <OutboxStatus draftsHref={paths.drafts()} draftHref={paths.draft} />
    </Suspense>
  )
}
