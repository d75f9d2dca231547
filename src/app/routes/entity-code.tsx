import { useTranslation } from '@/lib/i18n-react'
import { Link, replace, useLoaderData, type LoaderFunctionArgs } from 'react-router'
import { createDraft } from '@/features/report/drafts'
import { isWindowCodeToken } from '@/features/scan/parse-code'
import { fetchEntityCode } from '@/features/scan/entity-code-query'
import { ApiProblem } from '@/lib/http'
import { EmptyState } from '@/ui/empty-state'
import { ScreenHeader } from '@/ui/screen-header'
import { paths } from '../paths'
import { buttonClass } from '@/ui/button'

type Failure = { zh: string; en: string } | 'offline' | 'not-ours'

// An entity code's link, from our scanner or the phone's camera: a new draft with the business
// filled in and verified by the code's token, in place of this URL. The business is asked of the
// server first, so a forged or retired code is explained here and no draft is made from it.
export async function loader({ params }: LoaderFunctionArgs): Promise<Failure | Response> {
  const token = params.token ?? ''
  if (!isWindowCodeToken(token)) return 'not-ours'
  try {
    const entity = await fetchEntityCode(token)
    const business = { ...entity, creditCodeConfirmed: false }
    return replace(paths.draft(await createDraft({ entity: { token, business } })))
  } catch (error) {
    if (error instanceof ApiProblem && error.problem.message) return error.problem.message
    return error instanceof ApiProblem ? 'not-ours' : 'offline'
  }
}

/** Shown only when the code cannot start a report: forged, retired, or no network. */
export function Component() {
  const { t, i18n } = useTranslation()
  const failure = useLoaderData<Failure>()
  const message =
    failure === 'offline'
      ? t('entityCode.offline')
      : failure === 'not-ours'
        ? t('entityCode.notOurs')
        : failure[i18n.language.startsWith('zh') ? 'zh' : 'en']
  return (
    <>
      <ScreenHeader title={t('entityCode.title')} />
      <EmptyState message={message}>
        <Link to={paths.newDraft()} className={buttonClass({ block: true })}>
          {t('code.newDraft')}
        </Link>
      </EmptyState>
    </>
  )
}
