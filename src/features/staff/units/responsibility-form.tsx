import { useState } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import type { AdminUnit, Category, ResponsibilityEntry } from '../../../../mock-api/contract'
import { putResponsibility, removeResponsibility, type EntryKey } from '../common/admin-api'
import { divisionName } from '../common/division-select'
import { staffKeys } from '../common/queries'
import { StaffForm, useStaffForm } from '../common/staff-form'
import { useSingleMutation } from '../common/use-single-mutation'
import { Button } from '@/ui/button'

type Props = {
  divisionCode: string
  category: Category
  entry: ResponsibilityEntry | undefined
  /** The units that may be listed here, nearest division first. */
  units: readonly AdminUnit[]
  onDone: (message: string) => void
}

/** The lead unit and co-units of one category in one division. */
export function ResponsibilityForm({ divisionCode, category, entry, units, onDone }: Props) {
  const { t } = useTranslation()
  const [leadUnitId, setLeadUnitId] = useState(entry?.leadUnitId ?? '')
  const [coUnitIds, setCoUnitIds] = useState<readonly string[]>(entry?.coUnitIds ?? [])
  const refreshes = [staffKeys.responsibilities]
  const save = useStaffForm(
    (input: { leadUnitId: string; coUnitIds: string[] }) =>
      putResponsibility({ divisionCode, category }, input),
    refreshes,
  )
  const remove = useSingleMutation((key: EntryKey) => removeResponsibility(key), refreshes)
  const names = {
    division: divisionName(divisionCode, t('staff.region')),
    category: t(`categories.${category}.label`),
  }
  const nameOf = (id: string) => units.find((unit) => unit.id === id)?.name ?? id

  const submit = () => {
    const input = { leadUnitId, coUnitIds: coUnitIds.filter((id) => id !== leadUnitId) }
    save.submit(leadUnitId === '' ? null : input, () =>
      onDone(t('staff.duties.saved', { ...names, lead: nameOf(leadUnitId) })),
    )
  }
  const toggleCo = (id: string, isChecked: boolean) =>
    setCoUnitIds((ids) => (isChecked ? [...ids, id] : ids.filter((other) => other !== id)))

  return (
    <StaffForm
      form={{ ...save, error: save.error ?? remove.error }}
      onSubmit={submit}
      invalidText={t('staff.duties.chooseLead')}
      submitLabel={t('staff.duties.save')}
      noValidate
      moreButtons={
        entry ? (
          <Button
            variant="danger"
            disabled={remove.isPending}
            aria-label={t('staff.duties.removeOf', names)}
            onClick={() =>
              remove.run({ divisionCode, category }, () => {
                setLeadUnitId('')
                setCoUnitIds([])
                onDone(t('staff.duties.removed', names))
              })
            }
          >
            {t('staff.duties.remove')}
          </Button>
        ) : null
      }
    >
      <div className="gs-staff-field">
        <label htmlFor="duty-lead">{t('staff.duties.lead')}</label>
        <select
          id="duty-lead"
          value={leadUnitId}
          aria-invalid={save.isInvalid}
          onChange={(e) => setLeadUnitId(e.target.value)}
        >
          <option value="">{t('staff.choose')}</option>
          {units.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.name}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="gs-staff-field">
        <legend>{t('staff.duties.co')}</legend>
        {units
          .filter((unit) => unit.id !== leadUnitId)
          .map((unit) => (
            <label key={unit.id} className="gs-staff-check">
              <input
                type="checkbox"
                checked={coUnitIds.includes(unit.id)}
                onChange={(e) => toggleCo(unit.id, e.target.checked)}
              />
              {unit.name}
            </label>
          ))}
      </fieldset>
    </StaffForm>
  )
}
