import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { EmptyState } from '@/ui/empty-state'
import { ScreenHeader } from '@/ui/screen-header'
import { paths } from '../paths'

// TODO(issue 4): list the tickets of the reports this phone has sent.
export function Component() {
  const { t } = useTranslation()
  return (
    <>
      <ScreenHeader title={t('tickets.title')} />
      <EmptyState message={t('tickets.none')}>
        <p>{t('tickets.later')}</p>
        <Link to={paths.drafts()} className="gs-button gs-button--secondary">
          {t('tickets.drafts')}
        </Link>
      </EmptyState>
    </>
  )
}
