import { memo, useId } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import type { Draft } from '../drafts'
import type { ErrorTexts } from './field-errors'
import { TextField } from '@/ui/field'
import type { ChangeFields } from '../use-draft-fields'

type Contact = Draft['contact']
type Props = {
  value: Contact
  isConfidential: boolean
  errors: ErrorTexts
  onChange: ChangeFields
}

export const ContactFields = memo(function ContactFields({
  value,
  isConfidential,
  errors,
  onChange,
}: Props) {
  const { t } = useTranslation()
  const headingId = useId()
  const confidentialHintId = useId()
  const change = (changes: Partial<Contact>) => onChange({ contact: { ...value, ...changes } })
  return (
    <section className="gs-draft-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="gs-draft-section__title">
        {t('draft.contact')}
      </h2>
      <TextField
        label={t('draft.contactName')}
        value={value.name}
        error={errors['contact.name']}
        maxLength={50}
        autoComplete="name"
        onChange={(name) => change({ name })}
      />
      <TextField
        label={t('draft.contactPhone')}
        value={value.phone}
        error={errors['contact.phone']}
        type="tel"
        inputMode="tel"
        maxLength={20}
        autoComplete="tel"
        placeholder={t('draft.contactPhonePlaceholder')}
        onChange={(phone) => change({ phone })}
      />
      <p className="gs-field__hint">{t('draft.remembered')}</p>
      <div className="gs-boxed">
        <label className="gs-check">
          <input
            type="checkbox"
            checked={isConfidential}
            aria-describedby={confidentialHintId}
            onChange={(event) => onChange({ confidential: event.target.checked })}
          />
          {t('draft.confidential')}
        </label>
        <p id={confidentialHintId} className="gs-field__hint">
          {t('draft.confidentialHint')}
        </p>
      </div>
    </section>
  )
})
