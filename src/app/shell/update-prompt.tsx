import { useTranslation } from '@/lib/i18n-react'
import { applyUpdate, useIsUpdateReady } from '@/lib/sw'

export function UpdatePrompt() {
  const { t } = useTranslation()
  const isUpdateReady = useIsUpdateReady()
  return (
    <div role="status" className="gs-banner-slot">
      {isUpdateReady && (
        <div className="gs-banner gs-banner--update">
          <p>{t('update.ready')}</p>
          <button type="button" className="gs-banner__action" onClick={applyUpdate}>
            {t('update.reload')}
          </button>
        </div>
      )}
    </div>
  )
}
