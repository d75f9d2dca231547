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
  /** A line under the control, before the error, e.g. a character count; the control points to it. */
  footnote?: ReactNode
  id?: string
  className?: string
  children: (control: ControlProps) => ReactNode
}

/**
 * The one way a field's error is shown: under the control, in the danger colour, with the id the
 * control (or its group) names in aria-describedby. Field and ChoiceCards render it.
 */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null
  return (
    <p id={id} className="gs-field__error">
      {message}
    </p>
  )
}

/** A label, an optional hint, the control, and its error; ids tie them together for screen readers. */
export function Field({
  label,
  hint,
  error,
  optional,
  footnote,
  id,
  className,
  children,
}: FieldProps) {
  const ownId = useId()
  const controlId = id ?? ownId
  const hintId = hint ? `${controlId}-hint` : undefined
  const footnoteId = footnote ? `${controlId}-footnote` : undefined
  const errorId = `${controlId}-error`
  const describedBy = [hintId, footnoteId, error ? errorId : undefined].filter(Boolean).join(' ')
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
      {footnote ? (
        <p id={footnoteId} className="gs-field__footnote">
          {footnote}
        </p>
      ) : null}
      <FieldError id={errorId} message={error} />
    </div>
  )
}

type Common = Omit<FieldProps, 'children' | 'className'> & {
  value: string
  onChange: (value: string) => void
  className?: string
}
type TextFieldProps = Common & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>
type TextAreaProps = Common &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange'>

/** Splits a text control's props into the Field's and the control's own. */
function splitField<Rest>({
  label,
  hint,
  error,
  optional,
  footnote,
  id,
  ...control
}: Omit<FieldProps, 'children' | 'className'> & Rest) {
  return { field: { label, hint, error, optional, footnote, id }, control }
}

/** A labelled one-line text input; other input attributes pass through. */
export function TextField(props: TextFieldProps) {
  const { field, control } = splitField(props)
  const { value, onChange, className, ...input } = control
  return (
    <Field {...field}>
      {(tie) => (
        <input
          {...input}
          {...tie}
          className={className ? `gs-input ${className}` : 'gs-input'}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  )
}

/** A labelled text area that grows with its text; other attributes pass through. */
export function TextArea(props: TextAreaProps) {
  const { field, control } = splitField(props)
  const { value, onChange, className, ...area } = control
  return (
    <Field {...field}>
      {(tie) => (
        <textarea
          {...area}
          {...tie}
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
