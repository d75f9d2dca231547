import { useState } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import type { CalendarYear } from '../../../../mock-api/contract'
import { TextField } from '@/ui/field'
import { markYearComplete, unmarkYearComplete } from '../common/admin-api'
import { staffKeys } from '../common/queries'
import { StaffForm, useStaffForm } from '../common/staff-form'

type Props = { calendar: CalendarYear; onDone: (message: string) => void }

/** Marks an uncovered year as entered in full (its deadlines stop being provisional), or undoes it. */
export function CalendarYearForm({ calendar, onDone }: Props) {
  const { t } = useTranslation()
  const { year, isMarkedComplete } = calendar
  const [note, setNote] = useState('')
  const toggle = useStaffForm(
    async (mark: boolean) => {
      if (mark) await markYearComplete(year, note.trim())
      else await unmarkYearComplete(year)
    },
    [staffKeys.calendar(year)],
  )

  const submit = () => {
    const mark = !isMarkedComplete
    toggle.submit(mark, () => {
      setNote('')
      onDone(t(mark ? 'staff.calendar.marked' : 'staff.calendar.unmarked', { year }))
    })
  }

  return (
    <StaffForm
      form={toggle}
      onSubmit={submit}
      submitLabel={t(isMarkedComplete ? 'staff.calendar.unmark' : 'staff.calendar.markComplete')}
      submitVariant={isMarkedComplete ? 'secondary' : 'primary'}
      saysSending={false}
    >
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
    </StaffForm>
  )
}
