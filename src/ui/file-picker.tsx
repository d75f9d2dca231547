import { useId, type ReactNode } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import { buttonClass, type ButtonVariant } from './button'
import './file-picker.css'

type FileButtonProps = {
  /** What the button says, e.g. "拍照". */
  label: ReactNode
  accept?: string
  multiple?: boolean
  /** Opens the camera at once on a phone ("environment": the back camera). */
  capture?: 'environment' | 'user'
  disabled?: boolean
  variant?: Exclude<ButtonVariant, 'danger'>
  block?: boolean
  /** Ids of what describes the input (a hint, the chosen files). */
  describedBy?: string
  onChoose: (files: File[]) => void
}

/**
 * A file input that looks like the kit's buttons: the real input stays in the tab order (only
 * hidden from sight), so Tab reaches it, Enter or Space opens the chooser and a screen reader
 * names it by its label. For a screen that shows what was chosen itself (photos, a decoded code).
 */
export function FileButton({
  label,
  accept,
  multiple = false,
  capture,
  disabled = false,
  variant = 'secondary',
  block = false,
  describedBy,
  onChoose,
}: FileButtonProps) {
  const id = useId()
  return (
    <span className={block ? 'gs-file-button gs-file-button--block' : 'gs-file-button'}>
      <input
        id={id}
        className="gs-file-picker__input"
        type="file"
        accept={accept}
        multiple={multiple}
        capture={capture}
        disabled={disabled}
        aria-describedby={describedBy || undefined}
        onChange={(event) => {
          const files = [...(event.currentTarget.files ?? [])]
          // The same file can be chosen again (e.g. after a failed upload).
          event.currentTarget.value = ''
          onChoose(files)
        }}
      />
      <label
        htmlFor={id}
        className={`${buttonClass({ variant, block })} gs-file-picker__button`}
        aria-disabled={disabled || undefined}
      >
        {label}
      </label>
    </span>
  )
}

type Props = Omit<FileButtonProps, 'describedBy' | 'capture' | 'block'> & {
  hint?: ReactNode
  /** Names of the files chosen so far, listed under the button. */
  chosen?: readonly string[]
}

/** A FileButton with an optional hint and the chosen files listed by name under it. */
export function FilePicker({ hint, chosen = [], ...button }: Props) {
  const { t } = useTranslation()
  const id = useId()
  const hintId = hint ? `${id}-hint` : undefined
  const listId = `${id}-chosen`
  return (
    <div className="gs-file-picker">
      <FileButton {...button} describedBy={[hintId, listId].filter(Boolean).join(' ')} />
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
