import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CalendarYear } from '../../../../mock-api/contract'
import { TextField } from '../common/text-field'
import { markYearComplete, unmarkYearComplete } from '../common/admin-api'
import { ProblemMessage } from '../common/problem-message'
import { staffKeys } from '../common/queries'
import { useSingleMutation } from '../common/use-single-mutation'

type Props = { calendar: CalendarYear; onDone: (message: string) => void }

/** Marks an uncovered year as entered in full (its deadlines stop being provisional), or undoes it. */
export function CalendarYearForm({ calendar, onDone }: Props) {
  const { t } = useTranslation()
  const { year, isMarkedComplete } = calendar
  const [note, setNote] = useState('')
  const toggle = useSingleMutation(
    async (mark: boolean) => {
      if (mark) await markYearComplete(year, note.trim())
      else await unmarkYearComplete(year)
    },
    [staffKeys.calendar(year)],
  )

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const mark = !isMarkedComplete
    toggle.run(mark, () => {
      setNote('')
      onDone(t(mark ? 'staff.calendar.marked' : 'staff.calendar.unmarked', { year }))
    })
  }

  return (
    <form className="gs-staff-form" onSubmit={submit}>
      {isMarkedComplete ? null : (
        <TextField
          id="year-note"
          label={
            <>
              {t('staff.calendar.completeNote')}
              {t('staff.optional')}
            </>
          }
          maxLength={200}
          value={note}
          onChange={setNote}
        />
      )}
      <ProblemMessage error={toggle.error} />
      <button
        type="submit"
        className={`gs-staff-button${isMarkedComplete ? ' gs-staff-button--plain' : ''}`}
        disabled={toggle.isPending}
      >
        {t(isMarkedComplete ? 'staff.calendar.unmark' : 'staff.calendar.markComplete')}
      </button>
    </form>
  )
}
