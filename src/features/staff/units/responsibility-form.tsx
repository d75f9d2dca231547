import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { AdminUnit, Category, ResponsibilityEntry } from '../../../../mock-api/contract'
import { putResponsibility, removeResponsibility, type EntryKey } from '../common/admin-api'
import { divisionName } from '../common/division-select'
import { ProblemMessage } from '../common/problem-message'
import { staffKeys } from '../common/queries'
import { useSingleMutation } from '../common/use-single-mutation'

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
  const [isInvalid, setIsInvalid] = useState(false)
  const refreshes = [staffKeys.responsibilities]
  const save = useSingleMutation(
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

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setIsInvalid(leadUnitId === '')
    if (leadUnitId === '') return
    const input = { leadUnitId, coUnitIds: coUnitIds.filter((id) => id !== leadUnitId) }
    save.run(input, () => onDone(t('staff.duties.saved', { ...names, lead: nameOf(leadUnitId) })))
  }
  const toggleCo = (id: string, isChecked: boolean) =>
    setCoUnitIds((ids) => (isChecked ? [...ids, id] : ids.filter((other) => other !== id)))

  return (
    <form className="gs-staff-form" onSubmit={submit} noValidate>
      <div className="gs-staff-field">
        <label htmlFor="duty-lead">{t('staff.duties.lead')}</label>
        <select
          id="duty-lead"
          value={leadUnitId}
          aria-invalid={isInvalid}
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
      {isInvalid ? (
        <p role="alert" className="gs-staff-alert">
          {t('staff.duties.chooseLead')}
        </p>
      ) : null}
      <ProblemMessage error={save.error ?? remove.error} />
      <div className="gs-staff-form-buttons">
        <button type="submit" className="gs-staff-button" disabled={save.isPending}>
          {save.isPending ? t('staff.sending') : t('staff.duties.save')}
        </button>
        {entry ? (
          <button
            type="button"
            className="gs-staff-button gs-staff-button--danger"
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
          </button>
        ) : null}
      </div>
    </form>
  )
}
