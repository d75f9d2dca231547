import { useEffect } from 'react'
import { Outlet } from 'react-router'
import { applyTextSize, useLargeText } from '@/lib/text-size'
import { CapabilityHint } from './capability-hint'
import { LiveTickets } from './live-tickets'
import { NavBar } from './nav-bar'
import { OfflineBanner } from './offline-banner'
import { OutboxBadge } from './outbox-badge'
import { UpdatePrompt } from './update-prompt'

export function Layout() {
  const [isLargeText] = useLargeText()
  useEffect(() => applyTextSize(isLargeText), [isLargeText])

  return (
    <div className="gs-app">
      <NavBar />
      <OfflineBanner />
      <CapabilityHint />
      <OutboxBadge />
      <UpdatePrompt />
      <LiveTickets />
      <main className="gs-main">
        <Outlet />
      </main>
    </div>
  )
}
