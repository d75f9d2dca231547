import { useState } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import { unitInputSchema, type AdminUnit } from '../../../../mock-api/contract'
import { TextField } from '@/ui/field'
import { createUnit } from '../common/admin-api'
import { DivisionField } from '../common/division-select'
import { staffKeys } from '../common/queries'
import { StaffForm, useStaffForm } from '../common/staff-form'
import { levelOfDivision } from './unit-choices'

/** The admin's form for a new handling unit; its level follows the division. */
export function UnitForm({ onCreated }: { onCreated: (unit: AdminUnit) => void }) {
  const { t } = useTranslation()
  const [name, setName] = useState('')
  const [divisionCode, setDivisionCode] = useState('450100')
  const form = useStaffForm(createUnit, [staffKeys.adminUnits, staffKeys.units])
  const level = levelOfDivision(divisionCode)

  const submit = () => {
    const parsed = unitInputSchema.safeParse({ name, level, divisionCode })
    form.submit(parsed.success ? parsed.data : null, (unit) => {
      setName('')
      onCreated(unit)
    })
  }

  return (
    <StaffForm
      form={form}
      onSubmit={submit}
      title={{ id: 'unit-new', text: t('staff.unitAdmin.new') }}
      invalidText={t('staff.unitAdmin.invalid')}
      submitLabel={t('staff.unitAdmin.create')}
      noValidate
    >
      <TextField
        id="unit-name"
        label={t('staff.unitAdmin.name')}
        required
        maxLength={60}
        aria-invalid={form.isInvalid}
        value={name}
        onChange={setName}
      />
      <DivisionField
        id="unit-division"
        label={t('staff.unitAdmin.division')}
        value={divisionCode}
        onChange={setDivisionCode}
      />
      <p className="gs-staff-muted">
        {t('staff.unitAdmin.level')}：{t(`staff.unitAdmin.levels.${level}`)}
      </p>
    </StaffForm>
  )
}
