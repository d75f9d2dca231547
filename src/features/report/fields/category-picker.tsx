import { memo } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import {
  CATEGORIES,
  HANDLING_WORKING_DAYS,
  type Category,
} from '../../../../mock-api/shared/report-choices'
import { ChoiceCards } from '@/ui/choice-cards'

import type { ChangeFields } from '../use-draft-fields'

type Props = { value: Category | null; error?: string; onChange: ChangeFields }

export const CategoryPicker = memo(function CategoryPicker({ value, error, onChange }: Props) {
  const { t } = useTranslation()
  return (
    <ChoiceCards
      legend={t('draft.category')}
      value={value}
      error={error}
      onChange={(category) => onChange({ category })}
      choices={CATEGORIES.map((category) => ({
        value: category,
        label: t(`categories.${category}.label`),
        hint: t(`categories.${category}.hint`),
        note: t(category === 'consultation' ? 'categories.consultationRule' : 'categories.rule', {
          days: HANDLING_WORKING_DAYS[category],
        }),
      }))}
    />
  )
})
