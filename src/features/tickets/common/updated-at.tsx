import { useTranslation } from '@/lib/i18n-react'
import { formatDateTime } from '@/lib/format'

/** When the shown state was fetched; offline it says the state may be old. */
export function UpdatedAt({ savedAt, isCached }: { savedAt: number; isCached: boolean }) {
  const { t, i18n } = useTranslation()
  const time = formatDateTime(savedAt, i18n.language)
  return (
    <p className={isCached ? 'gs-updated gs-updated--offline' : 'gs-updated'} role="status">
      {isCached ? t('tickets.offlineAt', { time }) : t('tickets.updatedAt', { time })}
    </p>
  )
}
