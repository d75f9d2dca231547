import { useId, type ReactNode } from 'react'
import { FieldError } from './field'
import './choice-cards.css'

export type Choice<Value extends string> = {
  value: Value
  label: ReactNode
  /** A line under the label, e.g. what the choice covers. */
  hint?: ReactNode
  /** A last, emphasised line, e.g. a deadline. */
  note?: ReactNode
}

type Props<Value extends string> = {
  legend: ReactNode
  choices: readonly Choice<Value>[]
  value: Value | null
  onChange: (value: Value) => void
  error?: string
  /** Cards side by side (e.g. a short scale) instead of one under another. */
  layout?: 'column' | 'row'
  disabled?: boolean
  className?: string
}

/**
 * One choice among big cards: native radios in a radiogroup, so arrow keys move the choice and
 * a screen reader says "1 of 5"; the whole card is the touch target.
 */
export function ChoiceCards<Value extends string>({
  legend,
  choices,
  value,
  onChange,
  error,
  layout = 'column',
  disabled = false,
  className,
}: Props<Value>) {
  const name = useId()
  const errorId = `${name}-error`
  const classes = ['gs-choice-cards', `gs-choice-cards--${layout}`, className].filter(Boolean)
  return (
    <fieldset
      role="radiogroup"
      className={classes.join(' ')}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? errorId : undefined}
      disabled={disabled}
    >
      <legend className="gs-field__label gs-choice-cards__legend">{legend}</legend>
      <FieldError id={errorId} message={error} />
      <div className="gs-choice-cards__list">
        {choices.map((choice) => (
          <label key={choice.value} className="gs-choice-card">
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
            />
            <span className="gs-choice-card__text">
              <span className="gs-choice-card__label">{choice.label}</span>
              {choice.hint ? <span className="gs-choice-card__hint">{choice.hint}</span> : null}
              {choice.note ? <span className="gs-choice-card__note">{choice.note}</span> : null}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}
