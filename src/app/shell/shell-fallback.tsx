import { useTranslation } from 'react-i18next'

/** Shown for the moment the first screen's chunk loads. */
export function ShellFallback() {
  const { t } = useTranslation()
  return (
    <div className="gs-app">
      <header className="gs-nav-bar" />
      <main className="gs-main">
        <p className="gs-muted">{t('app.loading')}</p>
      </main>
    </div>
  )
}
