import { useTranslation } from '@/lib/i18n-react'
import { Link } from 'react-router'
import { ScreenHeader } from '@/ui/screen-header'
import { paths } from '../paths'
import { ButtonRow, buttonClass } from '@/ui/button'

export function Component() {
  const { t } = useTranslation()
  return (
    <>
      <ScreenHeader title={t('notFound.title')} />
      <ButtonRow>
        <Link to={paths.home()} className={buttonClass({ block: true })}>
          {t('notFound.home')}
        </Link>
      </ButtonRow>
    </>
  )
}
