import { useState } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import { servicePointInputSchema, type StaffServicePoint } from '../../../../mock-api/contract'
import { TextField } from '@/ui/field'
import { createServicePoint } from '../common/api'
import { DivisionField } from '../common/division-select'
import { staffKeys } from '../common/queries'
import { StaffForm, useStaffForm } from '../common/staff-form'

const REGION_CODE = '450000'

/** The admin's form for a new window; the API picks the division's receiving desk by default. */
export function ServicePointForm({ onCreated }: { onCreated: (point: StaffServicePoint) => void }) {
  const { t } = useTranslation()
  const [hall, setHall] = useState('')
  const [windowName, setWindowName] = useState('')
  const [divisionCode, setDivisionCode] = useState('450100')
  const [isRegionDesk, setIsRegionDesk] = useState(false)
  const form = useStaffForm(createServicePoint, [staffKeys.servicePoints])

  const submit = () => {
    const parsed = servicePointInputSchema.safeParse({
      hall,
      window: windowName,
      divisionCode,
      ...(isRegionDesk ? { deskDivisionCode: REGION_CODE } : {}),
    })
    form.submit(parsed.success ? parsed.data : null, (point) => {
      setHall('')
      setWindowName('')
      onCreated(point)
    })
  }

  return (
    <StaffForm
      form={form}
      onSubmit={submit}
      title={{ id: 'sp-new', text: t('staff.points.new') }}
      invalidText={t('staff.points.invalid')}
      submitLabel={t('staff.points.create')}
      noValidate
    >
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
      <DivisionField
        id="sp-division"
        label={t('staff.points.division')}
        value={divisionCode}
        onChange={setDivisionCode}
      />
      <label className="gs-staff-check">
        <input
          type="checkbox"
          checked={isRegionDesk}
          onChange={(e) => setIsRegionDesk(e.target.checked)}
        />
        {t('staff.points.regionDesk')}
      </label>
    </StaffForm>
  )
}
