import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ScreenHeader } from '@/ui/screen-header'
import { paths } from '../paths'

// TODO(issue 4): the camera scanner (features/scan) replaces the "not yet" paragraph.
export function Component() {
  const { t } = useTranslation()
  return (
    <>
      <ScreenHeader title={t('scan.title')} lead={t('scan.what')} />
      <p>{t('scan.notYet')}</p>
      <Link to={paths.newDraft()} className="gs-button">
        {t('scan.newDraft')}
      </Link>
    </>
  )
}
