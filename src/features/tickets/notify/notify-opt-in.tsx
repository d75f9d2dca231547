import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { askNotificationPermission, canNotify } from './notify'
import { subscribePush } from './push-subscription'

/** Subscribes to Web Push where the phone has a push service; else only asks the permission. */
async function optIn(locale: string): Promise<void> {
  const state = await subscribePush(locale).catch(() => 'unsupported' as const)
  if (state === 'unsupported') await askNotificationPermission()
}

/**
 * Offers notifications once the owner has a ticket, only while the browser has never asked: the
 * page's own while it is open, and Web Push (issue 15) for when it is closed. Where the browser
 * has no Notification at all (WeChat's, Alipay's in-app browser) nothing is asked: the owner is
 * told that SMS to the contact phone is the channel there.
 */
export function NotifyOptIn() {
  const { t, i18n } = useTranslation()
  const [isAsked, setIsAsked] = useState(
    () => !canNotify() || Notification.permission !== 'default',
  )
  if (!canNotify()) return <p className="gs-note">{t('ticket.notify.smsInstead')}</p>
  if (isAsked) return null
  return (
    <button
      type="button"
      className="gs-button gs-button--secondary gs-no-print"
      onClick={() => void optIn(i18n.language).finally(() => setIsAsked(true))}
    >
      {t('ticket.notify.ask')}
    </button>
  )
}
