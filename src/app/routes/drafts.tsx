import { useTranslation } from '@/lib/i18n-react'
import { Link } from 'react-router'
import { DraftList } from '@/features/report/draft-list'
import { useDrafts } from '@/features/report/use-drafts'
import { ExportDraftsButton } from '@/features/sync/export-drafts-button'
import { EmptyState } from '@/ui/empty-state'
import { ScreenHeader } from '@/ui/screen-header'
import { paths } from '../paths'
import { ButtonRow, buttonClass } from '@/ui/button'

export function Component() {
  const { t } = useTranslation()
  // Nothing to export on a phone without drafts: the button would download an empty file.
  const hasDrafts = (useDrafts()?.length ?? 0) > 0
  return (
    <>
      <ScreenHeader title={t('drafts.title')} lead={t('drafts.intro')} />
      <DraftList draftHref={paths.draft} empty={<EmptyState message={t('drafts.none')} />} />
      <ButtonRow>
        <Link to={paths.newDraft()} className={buttonClass({ block: true })}>
          {t('drafts.newDraft')}
        </Link>
        {hasDrafts && <ExportDraftsButton />}
      </ButtonRow>
    </>
  )
}
