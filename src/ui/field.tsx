import {
  useCallback,
  useId,
  useState,
  type InputHTMLAttributes,
  type ReactNode,
  type TextareaHTMLAttributes,
} from 'react'
import './field.css'

/** What a field's control needs to be tied to its label, hint and error. */
export type ControlProps = {
  id: string
  'aria-invalid': true | undefined
  'aria-describedby': string | undefined
}

type FieldProps = {
  label: ReactNode
  hint?: ReactNode
  /** The message to show, while the value is invalid; the form clears it when the value changes. */
  error?: string
  /** Shown after the label, e.g. "（选填）". */
  optional?: ReactNode
  id?: string
  className?: string
  children: (control: ControlProps) => ReactNode
}

/** A label, an optional hint, the control, and its error; ids tie them together for screen readers. */
export function Field({ label, hint, error, optional, id, className, children }: FieldProps) {
  const ownId = useId()
  const controlId = id ?? ownId
  const hintId = hint ? `${controlId}-hint` : undefined
  const errorId = `${controlId}-error`
  const describedBy = [hintId, error ? errorId : undefined].filter(Boolean).join(' ')
  return (
    <div className={className ? `gs-field ${className}` : 'gs-field'}>
      <label className="gs-field__label" htmlFor={controlId}>
        {label}
        {optional ? <span className="gs-field__optional"> {optional}</span> : null}
      </label>
      {hint ? (
        <p id={hintId} className="gs-field__hint">
          {hint}
        </p>
      ) : null}
      {children({
        id: controlId,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy || undefined,
      })}
      {error ? (
        <p id={errorId} className="gs-field__error">
          {error}
        </p>
      ) : null}
    </div>
  )
}

type Common = {
  label: ReactNode
  hint?: ReactNode
  error?: string
  optional?: ReactNode
  value: string
  onChange: (value: string) => void
}
type TextFieldProps = Common & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>
type TextAreaProps = Common &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange'>

/** A labelled one-line text input; other input attributes pass through. */
export function TextField({
  label,
  hint,
  error,
  optional,
  value,
  onChange,
  id,
  className,
  ...input
}: TextFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} optional={optional} id={id}>
      {(control) => (
        <input
          {...input}
          {...control}
          className={className ? `gs-input ${className}` : 'gs-input'}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  )
}

/** A labelled text area that grows with its text; other attributes pass through. */
export function TextArea({
  label,
  hint,
  error,
  optional,
  value,
  onChange,
  id,
  className,
  ...area
}: TextAreaProps) {
  return (
    <Field label={label} hint={hint} error={error} optional={optional} id={id}>
      {(control) => (
        <textarea
          {...area}
          {...control}
          className={className ? `gs-input gs-input--long ${className}` : 'gs-input gs-input--long'}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  )
}

/**
 * A form's field errors, shown from a submit until the person edits that field: an error
 * describes the value that was submitted, so it must not outlive it (issue 17: "请填写这一项"
 * stayed on the unit's reply after the text was entered).
 */
export function useFieldErrors<Name extends string>() {
  const [errors, setErrors] = useState<Partial<Record<Name, string>>>({})
  const clear = useCallback(
    (name: Name) =>
      setErrors((previous) => {
        if (!(name in previous)) return previous
        const next = { ...previous }
        delete next[name]
        return next
      }),
    [],
  )
  return { errors, show: setErrors, clear }
}
