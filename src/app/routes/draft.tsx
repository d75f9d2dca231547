import { useTranslation } from 'react-i18next'
import { Link, useLoaderData, type LoaderFunctionArgs } from 'react-router'
import { DraftForm } from '@/features/report/draft-form'
import { getDraft } from '@/features/report/drafts'
import { EmptyState } from '@/ui/empty-state'
import { ScreenHeader } from '@/ui/screen-header'
import { paths } from '../paths'

export async function loader({ params }: LoaderFunctionArgs) {
  return (await getDraft(params.draftId ?? '')) ?? null
}

export function Component() {
  const { t } = useTranslation()
  const draft = useLoaderData<typeof loader>()
  return (
    <>
      <ScreenHeader title={t('draft.title')} />
      {draft ? (
        <DraftForm key={draft.id} draft={draft} />
      ) : (
        <EmptyState message={t('draft.missing')}>
          <Link to={paths.drafts()} className="gs-button gs-button--secondary">
            {t('draft.drafts')}
          </Link>
        </EmptyState>
      )}
    </>
  )
}
