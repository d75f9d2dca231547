import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { EmptyState } from '@/ui/empty-state'
import { ScreenHeader } from '@/ui/screen-header'
import { paths } from '../paths'

// TODO(issue 5): read the ticket from the API (features/track) and show its timeline.
export function Component() {
  const { t } = useTranslation()
  return (
    <>
      <ScreenHeader title={t('ticket.title')} />
      <EmptyState message={t('ticket.unknown')}>
        <Link to={paths.tickets()} className="gs-button gs-button--secondary">
          {t('ticket.tickets')}
        </Link>
      </EmptyState>
    </>
  )
}
