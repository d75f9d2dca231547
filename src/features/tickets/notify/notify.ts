/**
 * Tells the owner what changed while the app is in the background (Notifications API). The
 * permission is asked once, after the owner's own action (sending a report), never on first visit.
 * Through the service worker where there is one: Android Chrome refuses `new Notification`, and
 * only a worker's notification reaches its `notificationclick` (public/sw-notification-click.js),
 * which opens `data.url`.
 */
import { hasNotification, hasServiceWorker } from '@/lib/capabilities'
import type { TicketChange } from '../live/ticket-stream'

// Never the user agent: an in-app browser without Notification is found here, and asked nothing.
export const canNotify = hasNotification

/** Asks for permission if it has never been asked; resolves to whether notifications may show. */
export async function askNotificationPermission(): Promise<boolean> {
  if (!canNotify()) return false
  if (Notification.permission !== 'default') return Notification.permission === 'granted'
  return (await Notification.requestPermission()) === 'granted'
}

export type TicketNotification = {
  title: string
  options: NotificationOptions & { body: string; tag: string; data: { url: string } }
}

/** One notification per ticket (a newer change replaces the older); a click opens `url`. */
export function toNotification(
  change: TicketChange,
  text: { title: string; body: string },
  url: string,
): TicketNotification {
  return {
    title: text.title,
    options: { body: text.body, tag: `ticket-${change.ticketId}`, data: { url } },
  }
}

/** Shows the notification when the page is hidden and the owner allowed notifications. */
export async function notifyChange({ title, options }: TicketNotification): Promise<void> {
  if (!canNotify() || Notification.permission !== 'granted') return
  if (document.visibilityState === 'visible') return
  const registration = hasServiceWorker()
    ? await navigator.serviceWorker.getRegistration()
    : undefined
  if (registration?.active) await registration.showNotification(title, options)
  else new Notification(title, options)
}
