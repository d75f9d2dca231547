import { useState } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import {
  CALENDAR_DAY_KINDS,
  calendarOverrideInputSchema,
  type CalendarOverrideInput,
} from '../../../../mock-api/contract'
import { TextField } from '@/ui/field'
import { putOverride } from '../common/admin-api'
import { staffKeys } from '../common/queries'
import { StaffForm, useStaffForm } from '../common/staff-form'

type Kind = CalendarOverrideInput['kind']
type Props = { year: number; onDone: (message: string) => void }

/** Adds (or replaces) one day's override in a year the holiday package does not cover. */
export function CalendarOverrideForm({ year, onDone }: Props) {
  const { t } = useTranslation()
  const [date, setDate] = useState('')
  const [kind, setKind] = useState<Kind>('holiday')
  const [note, setNote] = useState('')
  const form = useStaffForm(
    ({ day, input }: { day: string; input: CalendarOverrideInput }) => putOverride(day, input),
    [staffKeys.calendar(year)],
  )

  const submit = () => {
    const parsed = calendarOverrideInputSchema.safeParse({ kind, ...(note ? { note } : {}) })
    const isInYear = /^\d{4}-\d{2}-\d{2}$/.test(date) && date.startsWith(`${year}-`)
    const checked = isInYear && parsed.success ? { day: date, input: parsed.data } : null
    form.submit(checked, (saved) => {
      setDate('')
      setNote('')
      onDone(
        t('staff.calendar.added', { date: saved.date, kind: t(`staff.calendar.kinds.${kind}`) }),
      )
    })
  }

  return (
    <StaffForm
      form={form}
      onSubmit={submit}
      title={{ id: 'override-new', text: t('staff.calendar.add') }}
      invalidText={t('staff.calendar.invalid', { year })}
      submitLabel={t('staff.calendar.add')}
      noValidate
    >
      <TextField
        id="override-date"
        label={t('staff.calendar.date')}
        type="date"
        required
        min={`${year}-01-01`}
        max={`${year}-12-31`}
        aria-invalid={form.isInvalid}
        value={date}
        onChange={setDate}
      />
      <div className="gs-staff-field">
        <label htmlFor="override-kind">{t('staff.calendar.kind')}</label>
        <select
          id="override-kind"
          value={kind}
          onChange={(e) => setKind(e.target.value === 'workday' ? 'workday' : 'holiday')}
        >
          {CALENDAR_DAY_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`staff.calendar.kinds.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <TextField
        id="override-note"
        label={
          <>
            {t('staff.calendar.note')}
            {t('staff.optional')}
          </>
        }
        maxLength={100}
        value={note}
        onChange={setNote}
      />
    </StaffForm>
  )
}
