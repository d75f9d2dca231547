/**
 * Tells the owner what changed while the app is in the background (Notifications API). The
 * permission is asked once, after the owner's own action (sending a report), never on first visit.
 * Through the service worker where there is one: Android Chrome refuses `new Notification`.
 */
import type { TicketChange } from './ticket-stream'

export const canNotify = () => typeof Notification !== 'undefined'

/** Asks for permission if it has never been asked; resolves to whether notifications may show. */
export async function askNotificationPermission(): Promise<boolean> {
  if (!canNotify()) return false
  if (Notification.permission !== 'default') return Notification.permission === 'granted'
  return (await Notification.requestPermission()) === 'granted'
}

export async function notifyChange(
  change: TicketChange,
  text: { title: string; body: string },
  url: string,
): Promise<void> {
  if (!canNotify() || Notification.permission !== 'granted') return
  if (document.visibilityState === 'visible') return
  const options = { body: text.body, tag: `ticket-${change.ticketId}`, data: { url } }
  const registration = await navigator.serviceWorker?.getRegistration()
  if (registration) await registration.showNotification(text.title, options)
  else new Notification(text.title, options)
}
