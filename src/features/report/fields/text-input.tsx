import { useId, type InputHTMLAttributes } from 'react'
import { describedBy, FieldError } from './field-error'

type Props = {
  label: string
  value: string
  error?: string
  hint?: string
  onChange: (value: string) => void
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>

/** A labelled one-line input with its hint and its error beside it. */
export function TextInput({ label, value, error, hint, onChange, ...input }: Props) {
  const id = useId()
  const hintId = hint ? `${id}-hint` : undefined
  return (
    <div className="gs-field">
      <label className="gs-field__label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p id={hintId} className="gs-field__hint">
          {hint}
        </p>
      )}
      <input
        {...input}
        id={id}
        className="gs-input"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        {...describedBy(`${id}-error`, error, hintId)}
      />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  )
}
