import { useTranslation } from '@/lib/i18n-react'
import type { DraftRefusal } from '@/lib/db'
import { refusalMessage } from '../refusal'

/** The server's refusal of the last submit, in the chosen language, above the form. */
export function RefusalNotice({ refusal }: { refusal: DraftRefusal }) {
  const { t, i18n } = useTranslation()
  const message = refusalMessage(refusal, i18n.language)
  return (
    <div role="alert" className="gs-refusal">
      <p className="gs-refusal__message">{t('draft.refused', { message })}</p>
      <p>{t('draft.refusedHint')}</p>
    </div>
  )
}
