import { memo } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import { DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH } from '../drafts'
import { TextArea, TextField } from '@/ui/field'
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
      <TextArea
        label={t('draft.description')}
        value={description}
        error={errors.description}
        maxLength={DESCRIPTION_MAX_LENGTH}
        rows={6}
        placeholder={t('draft.descriptionPlaceholder')}
        // UTF-16 units, as maxLength and the contract's schema count them.
        footnote={t('draft.count', { used: description.length, max: DESCRIPTION_MAX_LENGTH })}
        onChange={(value) => onChange({ description: value })}
      />
    </>
  )
})
