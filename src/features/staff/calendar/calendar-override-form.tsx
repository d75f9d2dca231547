import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import {
  CALENDAR_DAY_KINDS,
  calendarOverrideInputSchema,
  type CalendarOverrideInput,
} from '../../../../mock-api/contract'
import { TextField } from '../common/text-field'
import { putOverride } from '../common/admin-api'
import { ProblemMessage } from '../common/problem-message'
import { staffKeys } from '../common/queries'
import { useSingleMutation } from '../common/use-single-mutation'

type Kind = CalendarOverrideInput['kind']
type Props = { year: number; onDone: (message: string) => void }

/** Adds (or replaces) one day's override in a year the holiday package does not cover. */
export function CalendarOverrideForm({ year, onDone }: Props) {
  const { t } = useTranslation()
  const [date, setDate] = useState('')
  const [kind, setKind] = useState<Kind>('holiday')
  const [note, setNote] = useState('')
  const [isInvalid, setIsInvalid] = useState(false)
  const save = useSingleMutation(
    ({ day, input }: { day: string; input: CalendarOverrideInput }) => putOverride(day, input),
    [staffKeys.calendar(year)],
  )

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const parsed = calendarOverrideInputSchema.safeParse({ kind, ...(note ? { note } : {}) })
    const isInYear = /^\d{4}-\d{2}-\d{2}$/.test(date) && date.startsWith(`${year}-`)
    setIsInvalid(!isInYear)
    if (!isInYear || !parsed.success) return
    save.run({ day: date, input: parsed.data }, (saved) => {
      setDate('')
      setNote('')
      onDone(
        t('staff.calendar.added', { date: saved.date, kind: t(`staff.calendar.kinds.${kind}`) }),
      )
    })
  }

  return (
    <form
      className="gs-staff-card gs-staff-form"
      onSubmit={submit}
      aria-labelledby="override-new"
      noValidate
    >
      <h2 id="override-new">{t('staff.calendar.add')}</h2>
      <TextField
        id="override-date"
        label={t('staff.calendar.date')}
        type="date"
        required
        min={`${year}-01-01`}
        max={`${year}-12-31`}
        aria-invalid={isInvalid}
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
      {isInvalid ? (
        <p role="alert" className="gs-staff-alert">
          {t('staff.calendar.invalid', { year })}
        </p>
      ) : null}
      <ProblemMessage error={save.error} />
      <button type="submit" className="gs-staff-button" disabled={save.isPending}>
        {save.isPending ? t('staff.sending') : t('staff.calendar.add')}
      </button>
    </form>
  )
}
