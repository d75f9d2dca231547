import { useTranslation } from '@/lib/i18n-react'
import { useIsOnline } from '@/lib/use-is-online'

// The live region stays mounted so screen readers announce the message when it appears.
export function OfflineBanner() {
  const { t } = useTranslation()
  const isOnline = useIsOnline()
  return (
    <div role="status" className="gs-banner-slot">
      {!isOnline && <p className="gs-banner gs-banner--offline">{t('offline.banner')}</p>}
    </div>
  )
}
