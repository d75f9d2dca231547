import { useState } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import { exportDrafts } from './export-drafts'
import { Button } from '@/ui/button'

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
      <Button variant="secondary" block onClick={onClick}>
        {t('outbox.exportDrafts')}
      </Button>
      {hasFailed && (
        <p role="alert" className="gs-export-failed">
          {t('outbox.exportFailed')}
        </p>
      )}
    </>
  )
}
