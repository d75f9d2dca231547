import { useTranslation } from 'react-i18next'
import { Link, replace, type LoaderFunctionArgs } from 'react-router'
import { createDraft } from '@/features/report/drafts'
import { isWindowCodeToken } from '@/features/scan/parse-code'
import { EmptyState } from '@/ui/empty-state'
import { ScreenHeader } from '@/ui/screen-header'
import { paths } from '../paths'
import { buttonClass } from '@/ui/button'

// A window code's link, from our scanner or the phone's own camera: a new draft that carries the
// token (checked on the draft screen), in place of this URL, so Back does not open it again.
export async function loader({ params }: LoaderFunctionArgs) {
  const token = params.token ?? ''
  if (!isWindowCodeToken(token)) return null
  return replace(paths.draft(await createDraft({ servicePointToken: token })))
}

/** Shown only for a link that cannot be a window code. */
export function Component() {
  const { t } = useTranslation()
  return (
    <>
      <ScreenHeader title={t('code.title')} />
      <EmptyState message={t('code.notOurs')}>
        <Link to={paths.newDraft()} className={buttonClass({ block: true })}>
          {t('code.newDraft')}
        </Link>
      </EmptyState>
    </>
  )
}
