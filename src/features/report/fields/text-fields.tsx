import { memo, useId } from 'react'
import { useTranslation } from 'react-i18next'
import { DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH } from '../drafts'
import { describedBy, FieldError } from './field-error'
import { TextField } from '@/ui/field'
import type { ChangeFields } from '../use-draft-fields'

type Props = {
  title: string
  description: string
  errors: { title?: string; description?: string }
  onChange: ChangeFields
}

export const TextFields = memo(function TextFields({
  title,
  description,
  errors,
  onChange,
}: Props) {
  const { t } = useTranslation()
  const descriptionId = useId()
  const countId = useId()
  return (
    <>
      <TextField
        label={t('draft.titleLabel')}
        value={title}
        error={errors.title}
        maxLength={TITLE_MAX_LENGTH}
        enterKeyHint="next"
        placeholder={t('draft.titlePlaceholder')}
        onChange={(value) => onChange({ title: value })}
      />
      <div className="gs-field">
        <label className="gs-field__label" htmlFor={descriptionId}>
          {t('draft.description')}
        </label>
        <textarea
          id={descriptionId}
          className="gs-input gs-input--long"
          value={description}
          maxLength={DESCRIPTION_MAX_LENGTH}
          rows={6}
          placeholder={t('draft.descriptionPlaceholder')}
          onChange={(event) => onChange({ description: event.target.value })}
          {...describedBy(`${descriptionId}-error`, errors.description, countId)}
        />
        {/* UTF-16 units, as maxLength and the contract's schema count them. */}
        <p id={countId} className="gs-field__count">
          {t('draft.count', { used: description.length, max: DESCRIPTION_MAX_LENGTH })}
        </p>
        <FieldError id={`${descriptionId}-error`} message={errors.description} />
      </div>
    </>
  )
})
