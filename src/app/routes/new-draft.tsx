import { useTranslation } from '@/lib/i18n-react'
import { redirect } from 'react-router'
import { createDraft } from '@/features/report/drafts'
import { paths } from '../paths'

// A loader, not an effect: it runs once per visit, so a draft is never created twice, and the
// draft's own URL replaces this one, so a reload returns to what was typed.
export async function loader() {
  return redirect(paths.draft(await createDraft()))
}

// Never shown, as the loader redirects; react-router warns about a leaf route without a screen.
export function Component() {
  const { t } = useTranslation()
  return <p className="gs-muted">{t('app.loading')}</p>
}
