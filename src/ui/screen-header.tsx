import type { ReactNode } from 'react'
import { useTranslation } from '@/lib/i18n-react'

/** The screen's <h1>, the document title to match, and an optional lead paragraph. */
export function ScreenHeader({ title, lead }: { title: string; lead?: ReactNode }) {
  const { t } = useTranslation()
  return (
    <>
      <title>{`${title} · ${t('app.name')}`}</title>
      <h1 className="gs-screen-title">{title}</h1>
      {lead && <p className="gs-lead">{lead}</p>}
    </>
  )
}
