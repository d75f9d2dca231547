import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { askNotificationPermission, canNotify } from './notify'

/**
 * Offers notifications once the owner has a ticket, only while the browser has never asked.
 * Where the browser has no Notification at all (WeChat's, Alipay's in-app browser) nothing is
 * asked: the owner is told that SMS to the contact phone is the channel there.
 */
export function NotifyOptIn() {
  const { t } = useTranslation()
  const [isAsked, setIsAsked] = useState(
    () => !canNotify() || Notification.permission !== 'default',
  )
  if (!canNotify()) return <p className="gs-note">{t('ticket.notify.smsInstead')}</p>
  if (isAsked) return null
  return (
    <button
      type="button"
      className="gs-button gs-button--secondary gs-no-print"
      onClick={() => void askNotificationPermission().finally(() => setIsAsked(true))}
    >
      {t('ticket.notify.ask')}
    </button>
  )
}
