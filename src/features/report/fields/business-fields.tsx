import { memo, useId } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import { BUSINESS_KINDS } from '../../../../mock-api/shared/report-choices'
import type { Draft } from '../drafts'
import { CreditCodeField } from './credit-code-field'
import type { ErrorTexts } from './field-errors'
import { ChoiceCards } from '@/ui/choice-cards'
import { TextField } from '@/ui/field'
import type { ChangeFields } from '../use-draft-fields'

type Business = Draft['business']
type Props = { value: Business; errors: ErrorTexts; onChange: ChangeFields }

export const BusinessFields = memo(function BusinessFields({ value, errors, onChange }: Props) {
  const { t } = useTranslation()
  const headingId = useId()
  const change = (changes: Partial<Business>) => onChange({ business: { ...value, ...changes } })
  return (
    <section className="gs-draft-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="gs-draft-section__title">
        {t('draft.business')}
      </h2>
      <TextField
        label={t('draft.businessName')}
        value={value.name}
        error={errors['business.name']}
        maxLength={100}
        autoComplete="organization"
        placeholder={t('draft.businessNamePlaceholder')}
        onChange={(name) => change({ name })}
      />
      <CreditCodeField
        value={value.creditCode}
        isConfirmed={value.creditCodeConfirmed}
        error={errors['business.creditCode']}
        onChange={change}
      />
      <ChoiceCards
        legend={t('draft.businessKind')}
        value={value.kind}
        error={errors['business.kind']}
        onChange={(kind) => change({ kind })}
        choices={BUSINESS_KINDS.map((kind) => ({ value: kind, label: t(`draft.kinds.${kind}`) }))}
      />
    </section>
  )
})
