import { memo, useId } from 'react'
import { useTranslation } from 'react-i18next'
import { CATEGORIES, HANDLING_WORKING_DAYS, type Category } from '../../../../mock-api/contract'
import { FieldError } from './field-error'

import type { ChangeFields } from '../use-draft-fields'

type Props = { value: Category | null; error?: string; onChange: ChangeFields }

export const CategoryPicker = memo(function CategoryPicker({ value, error, onChange }: Props) {
  const { t } = useTranslation()
  const name = useId()
  const errorId = useId()
  return (
    <fieldset
      className="gs-categories"
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? errorId : undefined}
    >
      <legend className="gs-field__label">{t('draft.category')}</legend>
      <FieldError id={errorId} message={error} />
      {CATEGORIES.map((category) => (
        <label key={category} className="gs-category">
          <input
            type="radio"
            name={name}
            value={category}
            checked={value === category}
            onChange={() => onChange({ category })}
          />
          <span className="gs-category__text">
            <span className="gs-category__label">{t(`categories.${category}.label`)}</span>
            <span className="gs-category__hint">{t(`categories.${category}.hint`)}</span>
            <span className="gs-category__rule">
              {t(category === 'consultation' ? 'categories.consultationRule' : 'categories.rule', {
                days: HANDLING_WORKING_DAYS[category],
              })}
            </span>
          </span>
        </label>
      ))}
    </fieldset>
  )
})
