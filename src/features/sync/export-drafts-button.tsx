import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { exportDrafts } from './export-drafts'

/** "导出我的草稿": downloads every draft with its photos as one JSON file. */
export function ExportDraftsButton() {
  const { t } = useTranslation()
  const [hasFailed, setHasFailed] = useState(false)
  const onClick = () => {
    setHasFailed(false)
    exportDrafts().catch(() => setHasFailed(true))
  }
  return (
    <>
      <button type="button" className="gs-button gs-button--secondary" onClick={onClick}>
        {t('outbox.exportDrafts')}
      </button>
      {hasFailed && <p role="alert">{t('outbox.exportFailed')}</p>}
    </>
  )
}
