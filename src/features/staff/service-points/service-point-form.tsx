import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { servicePointInputSchema, type StaffServicePoint } from '../../../../mock-api/contract'
import { TextField } from '@/ui/field'
import { createServicePoint } from '../common/api'
import { DivisionSelect } from '../common/division-select'
import { ProblemMessage } from '../common/problem-message'
import { staffKeys } from '../common/queries'
import { Button } from '@/ui/button'

const REGION_CODE = '450000'

/** The admin's form for a new window; the API picks the division's receiving desk by default. */
export function ServicePointForm({ onCreated }: { onCreated: (point: StaffServicePoint) => void }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [hall, setHall] = useState('')
  const [windowName, setWindowName] = useState('')
  const [divisionCode, setDivisionCode] = useState('450100')
  const [isRegionDesk, setIsRegionDesk] = useState(false)
  const [isInvalid, setIsInvalid] = useState(false)
  // The form opens from its button, which then leaves: focus goes on to the first field.
  useEffect(() => document.getElementById('sp-hall')?.focus(), [])
  const mutation = useMutation({
    mutationFn: createServicePoint,
    onSuccess: (point) => {
      void queryClient.invalidateQueries({ queryKey: staffKeys.servicePoints })
      setHall('')
      setWindowName('')
      onCreated(point)
    },
  })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (mutation.isPending) return
    const parsed = servicePointInputSchema.safeParse({
      hall,
      window: windowName,
      divisionCode,
      ...(isRegionDesk ? { deskDivisionCode: REGION_CODE } : {}),
    })
    setIsInvalid(!parsed.success)
    if (parsed.success) mutation.mutate(parsed.data)
  }

  return (
    <form
      className="gs-staff-card gs-staff-form"
      onSubmit={submit}
      aria-labelledby="sp-new"
      noValidate
    >
      <h2 id="sp-new">{t('staff.points.new')}</h2>
      <TextField
        id="sp-hall"
        label={t('staff.points.hall')}
        required
        maxLength={60}
        value={hall}
        onChange={setHall}
      />
      <TextField
        id="sp-window"
        label={t('staff.points.window')}
        required
        maxLength={30}
        value={windowName}
        onChange={setWindowName}
      />
      <div className="gs-staff-field">
        <label htmlFor="sp-division">{t('staff.points.division')}</label>
        <DivisionSelect
          id="sp-division"
          value={divisionCode}
          onChange={setDivisionCode}
          regionLabel={t('staff.region')}
        />
      </div>
      <label className="gs-staff-check">
        <input
          type="checkbox"
          checked={isRegionDesk}
          onChange={(e) => setIsRegionDesk(e.target.checked)}
        />
        {t('staff.points.regionDesk')}
      </label>
      {isInvalid ? (
        <p role="alert" className="gs-staff-alert">
          {t('staff.points.invalid')}
        </p>
      ) : null}
      <ProblemMessage error={mutation.error} />
      <Button type="submit" disabled={mutation.isPending}>
        {mutation.isPending ? t('staff.sending') : t('staff.points.create')}
      </Button>
    </form>
  )
}
