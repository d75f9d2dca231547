/**
 * The console forms' one submit pattern: check the fields, send once (a second click while the
 * first is in flight is dropped), say "正在提交…" on the button meanwhile, and show why the form
 * was not sent (the form's own check, or the API's refusal in its own words) just above the button.
 */
import { useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import type { QueryKey } from '@tanstack/react-query'
import { Button, type ButtonVariant } from '@/ui/button'
import { ProblemMessage } from './problem-message'
import { useSingleMutation } from './use-single-mutation'

export function useStaffForm<Input, Result>(
  send: (input: Input) => Promise<Result>,
  refreshes: readonly QueryKey[],
) {
  const mutation = useSingleMutation(send, refreshes)
  const [isInvalid, setIsInvalid] = useState(false)
  /** Sends what the form checked, once; `null`: the check failed, nothing is sent. */
  const submit = (checked: Input | null, onDone?: (result: Result) => void) => {
    setIsInvalid(checked === null)
    if (checked !== null) mutation.run(checked, onDone)
  }
  return { ...mutation, isInvalid, submit }
}

/** What the form shows of its sending: in flight, refused, or not sent for the form's check. */
export type FormState = { isPending: boolean; error: unknown; isInvalid?: boolean }

type Props = {
  form: FormState
  onSubmit: () => void
  submitLabel: ReactNode
  /** A form with a heading is a card named by it. */
  title?: { id: string; text: string }
  /** The form's name when it has no heading (a row's form: whose it is). */
  label?: string
  /** Said when the form's own check fails (`form.isInvalid`). */
  invalidText?: string
  /** Before the refusal: an explanation that belongs to a field (e.g. a confirmation to give). */
  notes?: ReactNode
  className?: string
  noValidate?: boolean
  submitVariant?: ButtonVariant
  /** False where the button keeps its label while sending (a toggle). */
  saysSending?: boolean
  onKeyDown?: (event: KeyboardEvent<HTMLFormElement>) => void
  /** Buttons beside the submit button (e.g. remove), in one row with it. */
  moreButtons?: ReactNode
  children: ReactNode
}

export function StaffForm({
  form,
  onSubmit,
  submitLabel,
  title,
  label,
  invalidText,
  notes,
  className = title ? 'gs-staff-card gs-staff-form' : 'gs-staff-form',
  noValidate,
  submitVariant,
  saysSending = true,
  onKeyDown,
  moreButtons,
  children,
}: Props) {
  const { t } = useTranslation()
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSubmit()
  }
  const button = (
    <Button type="submit" variant={submitVariant} disabled={form.isPending}>
      {form.isPending && saysSending ? t('staff.sending') : submitLabel}
    </Button>
  )
  return (
    <form
      className={className}
      onSubmit={submit}
      onKeyDown={onKeyDown}
      aria-labelledby={title?.id}
      aria-label={label}
      noValidate={noValidate}
    >
      {title ? <h2 id={title.id}>{title.text}</h2> : null}
      {children}
      {form.isInvalid && invalidText ? (
        <p role="alert" className="gs-staff-alert">
          {invalidText}
        </p>
      ) : null}
      {notes}
      <ProblemMessage error={form.error} />
      {moreButtons !== undefined ? (
        <div className="gs-staff-form-buttons">
          {button}
          {moreButtons}
        </div>
      ) : (
        button
      )}
    </form>
  )
}
