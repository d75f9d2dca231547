import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { CATEGORIES, type Category } from '../../../mock-api/contract'

type Props = { value: Category | null; onChange: (category: Category) => void }

export function CategoryPicker({ value, onChange }: Props) {
  const { t } = useTranslation()
  const name = useId()
  return (
    <fieldset className="gs-categories">
      <legend className="gs-field__label">{t('draft.category')}</legend>
      {CATEGORIES.map((category) => (
        <label key={category} className="gs-category">
          <input
            type="radio"
            name={name}
            value={category}
            checked={value === category}
            onChange={() => onChange(category)}
          />
          <span className="gs-category__text">
            <span className="gs-category__label">{t(`categories.${category}.label`)}</span>
            <span className="gs-category__hint">{t(`categories.${category}.hint`)}</span>
          </span>
        </label>
      ))}
    </fieldset>
  )
}
