import { Suspense, lazy, useEffect, useState } from 'react'
import { DEVICE_REGISTERED_EVENT, hasStoredCredential } from '@/lib/device-probe'
import { loadScreenMessages } from '@/lib/i18n'
import { paths } from '../paths'

// With the app's query client (app/query.tsx) and the screens' strings (its notifications speak
// of tickets), which home's first load does not carry.
const LiveTicketUpdates = lazy(() =>
  Promise.all([
    import('@/features/tickets/live/live-ticket-updates'),
    import('../query'),
    loadScreenMessages(),
  ]).then(([module, { withQueryClient }]) => ({
    default: withQueryClient(module.LiveTicketUpdates),
  })),
)

// Asked without Dexie, so a phone that never reported loads none of the ticket code. Asked again
// when this page registers the phone (its first report or a link) and when it comes back into
// view (another tab may have done so); once true it stays true.
function useHasCredential(): boolean {
  const [hasCredential, setHasCredential] = useState(false)
  useEffect(() => {
    if (hasCredential) return
    let isCurrent = true
    const probe = () => void hasStoredCredential().then((has) => isCurrent && setHasCredential(has))
    probe()
    window.addEventListener(DEVICE_REGISTERED_EVENT, probe)
    document.addEventListener('visibilitychange', probe)
    return () => {
      isCurrent = false
      window.removeEventListener(DEVICE_REGISTERED_EVENT, probe)
      document.removeEventListener('visibilitychange', probe)
    }
  }, [hasCredential])
  return hasCredential
}

/** Keeps the owner's tickets live on every owner screen; the staff console has its own shell. */
export function LiveTickets() {
  const hasCredential = useHasCredential()
  if (!hasCredential) return null
  return (
    <Suspense fallback={null}>
      <LiveTicketUpdates ticketHref={paths.ticket} />
    </Suspense>
  )
}
