import { useTranslation } from '@/lib/i18n-react'
import { Link, replace, type LoaderFunctionArgs } from 'react-router'
import { createDraft } from '@/features/report/drafts'
import { isWindowCodeToken } from '@/features/scan/parse-code'
import { request } from '@/lib/http'
import { EmptyState } from '@/ui/empty-state'
import { ScreenHeader } from '@/ui/screen-header'
import { normalizeShortCode } from '../../../mock-api/shared/short-code'
import { paths } from '../paths'
import { buttonClass } from '@/ui/button'

// A window code's link, from our scanner or the phone's own camera: a new draft that carries the
// token (checked on the draft screen), in place of this URL, so Back does not open it again.
// A window's short code typed from its poster (`/w/<code>`, or in place of the token) is asked
// for the token it stands for; one the server does not know is not ours.
export async function loader({ params }: LoaderFunctionArgs) {
  const typed = params.token ?? ''
  const token = isWindowCodeToken(typed) ? typed : await tokenOfShortCode(typed)
  if (token === null) return null
  return replace(paths.draft(await createDraft({ servicePointToken: token })))
}

async function tokenOfShortCode(typed: string): Promise<string | null> {
  const code = normalizeShortCode(typed)
  if (code === null) return null
  try {
    const { body } = await request<{ token?: unknown }>({ path: `/short-codes/${code}` })
    return typeof body.token === 'string' && isWindowCodeToken(body.token) ? body.token : null
  } catch {
    return null
  }
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
