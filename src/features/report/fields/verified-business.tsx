import { useId } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import type { Draft } from '../drafts'
import type { ChangeFields } from '../use-draft-fields'
import { Button } from '@/ui/button'

type Props = { business: Draft['business']; onChange: ChangeFields }

/** The business an entity code named: shown, not edited; the owner may fill it in by hand instead. */
export function VerifiedBusiness({ business, onChange }: Props) {
  const { t } = useTranslation()
  const headingId = useId()
  return (
    <section className="gs-draft-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="gs-draft-section__title">
        {t('draft.business')}
      </h2>
      <p className="gs-verified">
        <strong>{business.name}</strong>
        <br />
        {business.creditCode}
        <br />
        <span role="status">{t('entityCode.verified')}</span>
      </p>
      <Button variant="secondary" block onClick={() => onChange({ entityToken: null })}>
        {t('entityCode.byHand')}
      </Button>
    </section>
  )
}
