import { Input, TextArea } from 'antd-mobile'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CategoryPicker } from './category-picker'
import { DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH, type Draft, type DraftFields } from './drafts'
import { useDraftAutosave, type SaveState } from './use-draft-autosave'
import './report.css'

const SAVE_STATE_TEXT = {
  saved: 'draft.saved',
  saving: 'draft.saving',
  failed: 'draft.saveFailed',
} as const satisfies Record<SaveState, string>

// Counted as the owner sees characters (code points), the way antd-mobile's TextArea limits them.
const characterCount = (text: string) => [...text].length

/** Edits one draft; every change is written to this phone at once (see useDraftAutosave). */
export function DraftForm({ draft }: { draft: Draft }) {
  const { t } = useTranslation()
  const titleId = useId()
  const descriptionId = useId()
  const [fields, setFields] = useState<DraftFields>(() => ({
    category: draft.category,
    title: draft.title,
    description: draft.description,
  }))
  const { saveState, save } = useDraftAutosave(draft.id)

  const change = (changes: Partial<DraftFields>) => {
    const next = { ...fields, ...changes }
    setFields(next)
    save(next)
  }

  return (
    <div className="gs-draft-form">
      <p role="status" className={`gs-save-state gs-save-state--${saveState}`}>
        {t(SAVE_STATE_TEXT[saveState])}
      </p>
      <CategoryPicker value={fields.category} onChange={(category) => change({ category })} />
      <div className="gs-field">
        <label className="gs-field__label" htmlFor={titleId}>
          {t('draft.titleLabel')}
        </label>
        <Input
          id={titleId}
          className="gs-input"
          value={fields.title}
          maxLength={TITLE_MAX_LENGTH}
          placeholder={t('draft.titlePlaceholder')}
          onChange={(title) => change({ title })}
        />
      </div>
      <div className="gs-field">
        <label className="gs-field__label" htmlFor={descriptionId}>
          {t('draft.description')}
        </label>
        <TextArea
          id={descriptionId}
          className="gs-input"
          value={fields.description}
          maxLength={DESCRIPTION_MAX_LENGTH}
          rows={6}
          autoSize={{ minRows: 6, maxRows: 16 }}
          placeholder={t('draft.descriptionPlaceholder')}
          onChange={(description) => change({ description })}
        />
        <p className="gs-field__count">
          {t('draft.count', {
            used: characterCount(fields.description),
            max: DESCRIPTION_MAX_LENGTH,
          })}
        </p>
      </div>
      <p className="gs-note">{t('draft.notSentYet')}</p>
    </div>
  )
}
