import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import { CATEGORIES, type AdminUnit, type Category } from '../../../../mock-api/contract'
import { DivisionField, divisionName } from '../common/division-select'
import { ProblemMessage } from '../common/problem-message'
import { responsibilitiesQuery } from '../common/queries'
import { ResponsibilityForm } from './responsibility-form'
import { eligibleUnits } from './unit-choices'
import { Button } from '@/ui/button'

type Props = { units: readonly AdminUnit[]; onDone: (message: string) => void }

/** The responsibility list of one division: its entries, and the form for one category. */
export function ResponsibilityList({ units, onDone }: Props) {
  const { t } = useTranslation()
  const list = useQuery(responsibilitiesQuery())
  const [divisionCode, setDivisionCode] = useState('450100')
  const [category, setCategory] = useState<Category>('consultation')
  const entries = (list.data?.entries ?? []).filter((e) => e.divisionCode === divisionCode)
  const nameOf = (id: string) => units.find((unit) => unit.id === id)?.name ?? id
  const label = (c: Category) => t(`categories.${c}.label`)
  const division = divisionName(divisionCode, t('staff.region'))

  return (
    <section className="gs-staff-card" aria-labelledby="duties-title">
      <h2 id="duties-title">{t('staff.duties.title')}</h2>
      <p className="gs-staff-muted">{t('staff.duties.intro')}</p>
      <DivisionField
        id="duty-division"
        label={t('staff.duties.division')}
        value={divisionCode}
        onChange={setDivisionCode}
      />
      <div className="gs-staff-field">
        <label htmlFor="duty-category">{t('staff.duties.category')}</label>
        <select
          id="duty-category"
          value={category}
          onChange={(e) => setCategory(e.target.value as Category)}
        >
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {label(c)}
            </option>
          ))}
        </select>
      </div>
      <ProblemMessage error={list.error} />
      {list.data ? (
        <ResponsibilityForm
          key={`${divisionCode}/${category}`}
          divisionCode={divisionCode}
          category={category}
          entry={entries.find((e) => e.category === category)}
          units={eligibleUnits(units, divisionCode)}
          onDone={onDone}
        />
      ) : null}
      <div className="gs-staff-table-wrap">
        <table className="gs-staff-table">
          <caption>{t('staff.duties.list', { division, count: entries.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staff.duties.category')}</th>
              <th scope="col">{t('staff.duties.lead')}</th>
              <th scope="col">{t('staff.duties.co')}</th>
              <th scope="col">{t('staff.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.category}>
                <td>{label(entry.category)}</td>
                <td>{nameOf(entry.leadUnitId)}</td>
                <td>{entry.coUnitIds.map(nameOf).join('、') || t('staff.duties.noCo')}</td>
                <td>
                  <Button
                    variant="secondary"
                    aria-label={t('staff.duties.editOf', { category: label(entry.category) })}
                    onClick={() => setCategory(entry.category)}
                  >
                    {t('staff.duties.edit')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list.data && entries.length === 0 ? <p>{t('staff.duties.empty')}</p> : null}
    </section>
  )
}
