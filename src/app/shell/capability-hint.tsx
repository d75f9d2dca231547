import { useState } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import { missingCapabilities } from '@/lib/capabilities'
import { openInBrowserWording } from '@/lib/in-app-browser'
import { readPreference, STORAGE_KEY_CAPABILITY_HINT, writePreference } from '@/lib/preferences'
import { useOfflineSupport } from '@/lib/sw'
import { useIsClient } from '@/lib/use-is-client'

const MISSING_TEXT = {
  notifications: 'capabilityHint.notifications',
  'offline-and-notifications': 'capabilityHint.offlineAndNotifications',
} as const

const OPEN_TEXT = {
  wechatIos: 'capabilityHint.open.wechatIos',
  wechatAndroid: 'capabilityHint.open.wechatAndroid',
  alipay: 'capabilityHint.open.alipay',
  browser: 'capabilityHint.open.browser',
} as const

/**
 * Tells the owner, once and in plain words, what this browser cannot do (typically WeChat's or
 * Alipay's in-app browser: no offline opening, no notifications) and how to get it, in that
 * app's own menu words. Dismissed, it stays away on this phone.
 */
export function CapabilityHint() {
  // It reads the user agent and a stored choice: never in the prerendered home (see use-is-client).
  return useIsClient() ? <CapabilityHintInBrowser /> : null
}

function CapabilityHintInBrowser() {
  const { t } = useTranslation()
  const missing = missingCapabilities(useOfflineSupport())
  const [isDismissed, setDismissed] = useState(
    () => readPreference(STORAGE_KEY_CAPABILITY_HINT) !== null,
  )
  if (missing === 'none' || isDismissed) return null

  const dismiss = () => {
    writePreference(STORAGE_KEY_CAPABILITY_HINT, new Date().toISOString())
    setDismissed(true)
  }
  return (
    <aside className="gs-banner gs-banner--hint gs-no-print" aria-label={t('capabilityHint.label')}>
      <div className="gs-banner__text">
        <p>{t(MISSING_TEXT[missing])}</p>
        <p>{t('capabilityHint.sms')}</p>
        <p>{t(OPEN_TEXT[openInBrowserWording()])}</p>
      </div>
      <button type="button" className="gs-banner__action" onClick={dismiss}>
        {t('capabilityHint.dismiss')}
      </button>
    </aside>
  )
}
