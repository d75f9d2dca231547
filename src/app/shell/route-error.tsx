import { useTranslation } from '@/lib/i18n-react'
import { Button } from '@/ui/button'

// Most often a screen's chunk failed to load (a deploy removed it while this page was open).
export function RouteError() {
  const { t } = useTranslation()
  return (
    <div className="gs-app">
      <main className="gs-main">
        <h1 className="gs-screen-title">{t('error.title')}</h1>
        <p className="gs-lead">{t('error.body')}</p>
        <Button block onClick={() => window.location.reload()}>
          {t('error.reload')}
        </Button>
      </main>
    </div>
  )
}
