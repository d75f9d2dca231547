import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type {
  StaffEvent,
  StaffEventType,
  StaffTicket,
  StaffUnit,
  SuggestedUnit,
} from '../../../../mock-api/contract'
import { EventField } from './event-fields'
import { EVENT_FIELDS, toStaffEvent, type FieldErrors, type FormValues } from './event-forms'

export type EventFormProps = {
  type: StaffEventType
  isPending: boolean
  onSubmit: (event: StaffEvent) => void
  onCancel: () => void
  units?: readonly StaffUnit[]
  suggested?: readonly SuggestedUnit[]
  record?: NonNullable<StaffTicket['businessRecord']>
}

/** The one form every staff action uses: its fields come from EVENT_FIELDS. */
export function EventForm({
  type,
  isPending,
  onSubmit,
  onCancel,
  units = [],
  suggested = [],
  record = [],
}: EventFormProps) {
  const { t } = useTranslation()
  const [values, setValues] = useState<FormValues>({})
  const [errors, setErrors] = useState<FieldErrors>({})
  const headingId = `staff-form-${type}`
  const formRef = useRef<HTMLFormElement>(null)

  // Keyboard users land in the form they opened, and Escape takes them back to the buttons.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input, select, textarea')?.focus()
  }, [type])
  const cancelOnEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape') onCancel()
  }

  const change = (name: string, value: string | readonly string[]) =>
    setValues((previous) => ({ ...previous, [name]: value }))

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (isPending) return
    const result = toStaffEvent(type, values)
    if (!result.ok) {
      setErrors(result.errors)
      return
    }
    setErrors({})
    onSubmit(result.event)
  }

  return (
    <form
      ref={formRef}
      className="gs-staff-form"
      aria-labelledby={headingId}
      onSubmit={submit}
      onKeyDown={cancelOnEscape}
      noValidate
    >
      <h3 id={headingId}>{t(`staff.events.${type}`)}</h3>
      {EVENT_FIELDS[type].map((field) => (
        <EventField
          key={field.name}
          field={field}
          values={values}
          error={errors[field.name]}
          onChange={change}
          units={units}
          suggested={suggested}
          record={record}
        />
      ))}
      <div className="gs-staff-form-buttons">
        <button
          type="submit"
          className="gs-staff-button"
          disabled={isPending}
          aria-busy={isPending}
        >
          {isPending
            ? t('staff.sending')
            : t('staff.confirm', { action: t(`staff.events.${type}`) })}
        </button>
        <button type="button" className="gs-staff-button gs-staff-button--plain" onClick={onCancel}>
          {t('staff.cancel')}
        </button>
      </div>
    </form>
  )
}
