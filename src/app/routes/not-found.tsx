import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ScreenHeader } from '@/ui/screen-header'
import { paths } from '../paths'

export function Component() {
  const { t } = useTranslation()
  return (
    <>
      <ScreenHeader title={t('notFound.title')} />
      <Link to={paths.home()} className="gs-button">
        {t('notFound.home')}
      </Link>
    </>
  )
}
