import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { unitInputSchema, type AdminUnit } from '../../../../mock-api/contract'
import { TextField } from '../common/text-field'
import { createUnit } from '../common/admin-api'
import { DivisionSelect } from '../common/division-select'
import { ProblemMessage } from '../common/problem-message'
import { staffKeys } from '../common/queries'
import { levelOfDivision } from './unit-choices'
import { useSingleMutation } from '../common/use-single-mutation'

/** The admin's form for a new handling unit; its level follows the division. */
export function UnitForm({ onCreated }: { onCreated: (unit: AdminUnit) => void }) {
  const { t } = useTranslation()
  const [name, setName] = useState('')
  const [divisionCode, setDivisionCode] = useState('450100')
  const [isInvalid, setIsInvalid] = useState(false)
  const create = useSingleMutation(createUnit, [staffKeys.adminUnits, staffKeys.units])
  const level = levelOfDivision(divisionCode)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const parsed = unitInputSchema.safeParse({ name, level, divisionCode })
    setIsInvalid(!parsed.success)
    if (!parsed.success) return
    create.run(parsed.data, (unit) => {
      setName('')
      onCreated(unit)
    })
  }

  return (
    <form
      className="gs-staff-card gs-staff-form"
      onSubmit={submit}
      aria-labelledby="unit-new"
      noValidate
    >
      <h2 id="unit-new">{t('staff.unitAdmin.new')}</h2>
      <TextField
        id="unit-name"
        label={t('staff.unitAdmin.name')}
        required
        maxLength={60}
        aria-invalid={isInvalid}
        value={name}
        onChange={setName}
      />
      <div className="gs-staff-field">
        <label htmlFor="unit-division">{t('staff.unitAdmin.division')}</label>
        <DivisionSelect
          id="unit-division"
          value={divisionCode}
          onChange={setDivisionCode}
          regionLabel={t('staff.region')}
        />
      </div>
      <p className="gs-staff-muted">
        {t('staff.unitAdmin.level')}：{t(`staff.unitAdmin.levels.${level}`)}
      </p>
      {isInvalid ? (
        <p role="alert" className="gs-staff-alert">
          {t('staff.unitAdmin.invalid')}
        </p>
      ) : null}
      <ProblemMessage error={create.error} />
      <button type="submit" className="gs-staff-button" disabled={create.isPending}>
        {create.isPending ? t('staff.sending') : t('staff.unitAdmin.create')}
      </button>
    </form>
  )
}
