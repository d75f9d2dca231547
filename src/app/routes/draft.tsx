import { useTranslation } from '@/lib/i18n-react'
import { Link, Navigate, useLoaderData, useParams, type LoaderFunctionArgs } from 'react-router'
import { DraftForm } from '@/features/report/draft-form'
import { getDraft } from '@/features/report/drafts'
import { useDraft } from '@/features/report/use-draft'
import { useReceipt } from '@/features/report/use-receipt'
import { useCodeCheck } from '@/features/scan/use-code-check'
import { useSameWhileEqual } from '@/lib/use-same-while-equal'
import { EmptyState } from '@/ui/empty-state'
import { ScreenHeader } from '@/ui/screen-header'
import { paths } from '../paths'
import { buttonClass } from '@/ui/button'

export async function loader({ params }: LoaderFunctionArgs) {
  return (await getDraft(params.draftId ?? '')) ?? null
}

export function Component() {
  const { t } = useTranslation()
  const { draftId = '' } = useParams()
  const loaded = useLoaderData<typeof loader>()
  const live = useDraft(draftId)
  // The live query's first answer is the draft the loader read, as a new object: kept as the same
  // one, the form (memoized) does not render again for it.
  const draft = useSameWhileEqual(live === undefined ? loaded : live)
  const receipt = useReceipt(draftId)
  const isCheckWanted = draft !== null && draft.state !== 'queued' && draft.servicePoint === null
  const codeCheck = useCodeCheck(draft?.servicePointToken ?? null, isCheckWanted)

  // The server has the report: its receipt replaces the draft.
  if (receipt) return <Navigate replace to={paths.receipt(receipt.ticketId)} />
  return (
    <>
      <ScreenHeader title={t('draft.title')} />
      {draft ? (
        <DraftForm key={draft.id} draft={draft} codeCheck={codeCheck} />
      ) : (
        <EmptyState message={t('draft.missing')}>
          <Link to={paths.drafts()} className={buttonClass({ variant: 'secondary', block: true })}>
            {t('draft.drafts')}
          </Link>
        </EmptyState>
      )}
    </>
  )
}
