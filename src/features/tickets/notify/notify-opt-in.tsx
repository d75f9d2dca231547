import { useState } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import { askNotificationPermission, canNotify } from './notify'
import { subscribePush } from './push-subscription'
import { Button, ButtonRow } from '@/ui/button'

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
  // Refused (now or earlier): say so, and what still reaches the owner (issue 17: the button
  // silently vanished).
  if (isAsked && Notification.permission === 'denied') {
    return (
      <p role="status" className="gs-note">
        {t('ticket.notify.refused')}
      </p>
    )
  }
  if (isAsked) return null
  return (
    <ButtonRow className="gs-no-print">
      <Button
        variant="secondary"
        block
        onClick={() => void optIn(i18n.language).finally(() => setIsAsked(true))}
      >
        {t('ticket.notify.ask')}
      </Button>
    </ButtonRow>
  )
}
