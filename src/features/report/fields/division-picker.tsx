import { useTranslation } from '@/lib/i18n-react'
import { CITIES, cityAndCounty, countiesOf, divisionName, REGION_CODE } from '../divisions'
import { Field } from '@/ui/field'

type Props = {
  value: string | null
  error?: string
  onChange: (divisionCode: string | null) => void
}

/** City, then (optionally) county: the report goes to the county's code, or the city's alone. */
export function DivisionPicker({ value, error, onChange }: Props) {
  const { t, i18n } = useTranslation()
  const { city, county } = cityAndCounty(value)
  const counties = city && city !== REGION_CODE ? countiesOf(city) : []
  return (
    <div className="gs-division-picker">
      <Field label={t('draft.city')} error={error}>
        {(control) => (
          <select
            {...control}
            className="gs-input"
            value={city}
            onChange={(event) => onChange(event.target.value || null)}
          >
            <option value="">{t('draft.cityNone')}</option>
            {CITIES.map((division) => (
              <option key={division.code} value={division.code}>
                {divisionName(division.code, i18n.language)}
              </option>
            ))}
            <option value={REGION_CODE}>{t('draft.regionLevel')}</option>
          </select>
        )}
      </Field>
      <Field label={t('draft.county')}>
        {(control) => (
          <select
            {...control}
            className="gs-input"
            value={county}
            disabled={counties.length === 0}
            onChange={(event) => onChange(event.target.value || city)}
          >
            <option value="">{t('draft.countyNone')}</option>
            {counties.map((division) => (
              <option key={division.code} value={division.code}>
                {divisionName(division.code, i18n.language)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  )
}
