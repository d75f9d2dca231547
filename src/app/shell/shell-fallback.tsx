import { useTranslation } from '@/lib/i18n-react'
import { useLocation } from 'react-router'
import { ReportFrame } from './report-frame'
import { isReportFramePath } from './report-frame-path'

/** Shown for the moment the first screen's chunk loads; the report form's is its empty frame. */
export function ShellFallback() {
  const { t } = useTranslation()
  const { pathname } = useLocation()
  if (isReportFramePath(pathname)) return <ReportFrame />
  return (
    <div className="gs-app">
      <header className="gs-nav-bar" />
      <main className="gs-main">
        <p className="gs-muted">{t('app.loading')}</p>
      </main>
    </div>
  )
}
