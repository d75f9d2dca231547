import { useId, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { buttonClass, type ButtonVariant } from './button'
import './file-picker.css'

type Props = {
  /** What the button says, e.g. "选择照片". */
  label: ReactNode
  accept?: string
  multiple?: boolean
  disabled?: boolean
  hint?: ReactNode
  /** Names of the files chosen so far, listed under the button. */
  chosen?: readonly string[]
  onChoose: (files: File[]) => void
  variant?: Exclude<ButtonVariant, 'danger'>
}

/**
 * A file input that looks like the kit's buttons: the real input stays in the tab order (only
 * hidden from sight), so Tab reaches it, Enter or Space opens the chooser and a screen reader
 * names it by its label; the chosen files are listed by name.
 */
export function FilePicker({
  label,
  accept,
  multiple = false,
  disabled = false,
  hint,
  chosen = [],
  onChoose,
  variant = 'secondary',
}: Props) {
  const { t } = useTranslation()
  const id = useId()
  const hintId = hint ? `${id}-hint` : undefined
  const listId = `${id}-chosen`
  return (
    <div className="gs-file-picker">
      <input
        id={id}
        className="gs-file-picker__input"
        type="file"
        accept={accept}
        multiple={multiple}
        disabled={disabled}
        aria-describedby={[hintId, listId].filter(Boolean).join(' ')}
        onChange={(event) => {
          onChoose([...(event.currentTarget.files ?? [])])
          // The same file can be chosen again (e.g. after a failed upload).
          event.currentTarget.value = ''
        }}
      />
      <label
        htmlFor={id}
        className={`${buttonClass({ variant })} gs-file-picker__button`}
        aria-disabled={disabled || undefined}
      >
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="gs-field__hint">
          {hint}
        </p>
      ) : null}
      <p id={listId} className="gs-file-picker__chosen">
        {chosen.length === 0
          ? t('ui.filePicker.none')
          : t('ui.filePicker.chosen', { count: chosen.length, names: chosen.join('、') })}
      </p>
    </div>
  )
}
