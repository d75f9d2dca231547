import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import type {
  StaffEvent,
  StaffEventType,
  StaffTicket,
  StaffUnit,
  SuggestedUnit,
} from '../../../../mock-api/contract'
import { Button } from '@/ui/button'
import { useFieldErrors } from '@/ui/field'
import { isDestructiveType } from './action-order'
import { EventField } from './event-fields'
import { EVENT_FIELDS, toStaffEvent, type FormValues } from './event-forms'

export type EventFormProps = {
  type: StaffEventType
  isPending: boolean
  onSubmit: (event: StaffEvent) => void
  onCancel: () => void
  units?: readonly StaffUnit[]
  suggested?: readonly SuggestedUnit[]
  record?: NonNullable<StaffTicket['businessRecord']>
  /** The ticket's division, for the order of the unit pickers. */
  divisionCode?: string
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
  divisionCode,
}: EventFormProps) {
  const { t } = useTranslation()
  const [values, setValues] = useState<FormValues>({})
  // An error lasts until its field is edited (issue 17: 请填写这一项 stayed on the reply).
  const { errors, show: showErrors, clear: clearError } = useFieldErrors<string>()
  const headingId = `staff-form-${type}`
  const formRef = useRef<HTMLFormElement>(null)

  // Keyboard users land in the form they opened, and Escape takes them back to the buttons.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input, select, textarea')?.focus()
  }, [type])
  const cancelOnEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape') onCancel()
  }

  const change = (name: string, value: string | readonly string[]) => {
    setValues((previous) => ({ ...previous, [name]: value }))
    clearError(name)
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (isPending) return
    const result = toStaffEvent(type, values)
    if (!result.ok) {
      showErrors(result.errors)
      return
    }
    showErrors({})
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
          {...(divisionCode === undefined ? {} : { divisionCode })}
        />
      ))}
      <div className="gs-staff-form-buttons">
        <Button
          type="submit"
          variant={isDestructiveType(type) ? 'danger' : 'primary'}
          loading={isPending}
          loadingText={t('staff.sending')}
        >
          {t('staff.confirm', { action: t(`staff.events.${type}`) })}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('staff.cancel')}
        </Button>
      </div>
    </form>
  )
}
