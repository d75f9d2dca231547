import { useTranslation } from '@/lib/i18n-react'
import { Link, useLocation } from 'react-router'
import { BackIcon } from '@/ui/icons'
import { parentPath, paths } from '../paths'

export function NavBar() {
  const { t } = useTranslation()
  const { pathname } = useLocation()
  const isHome = pathname === paths.home()

  return (
    <header className="gs-nav-bar">
      {!isHome && (
        <Link to={parentPath(pathname)} className="gs-nav-bar__back">
          <BackIcon />
          {t('app.back')}
        </Link>
      )}
      <Link to={paths.home()} className="gs-nav-bar__brand" aria-label={t('app.homeLink')}>
        <img src="/favicon.svg" alt="" width="28" height="28" />
        <span>{t('app.name')}</span>
      </Link>
    </header>
  )
}
