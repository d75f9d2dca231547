import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { CITIES, cityAndCounty, countiesOf, divisionName, REGION_CODE } from '../divisions'
import { describedBy, FieldError } from './field-error'

type Props = {
  value: string | null
  error?: string
  onChange: (divisionCode: string | null) => void
}

/** City, then (optionally) county: the report goes to the county's code, or the city's alone. */
export function DivisionPicker({ value, error, onChange }: Props) {
  const { t, i18n } = useTranslation()
  const cityId = useId()
  const countyId = useId()
  const { city, county } = cityAndCounty(value)
  const counties = city && city !== REGION_CODE ? countiesOf(city) : []
  return (
    <div className="gs-division-picker">
      <div className="gs-field">
        <label className="gs-field__label" htmlFor={cityId}>
          {t('draft.city')}
        </label>
        <select
          id={cityId}
          className="gs-input"
          value={city}
          onChange={(event) => onChange(event.target.value || null)}
          {...describedBy(`${cityId}-error`, error)}
        >
          <option value="">{t('draft.cityNone')}</option>
          {CITIES.map((division) => (
            <option key={division.code} value={division.code}>
              {divisionName(division.code, i18n.language)}
            </option>
          ))}
          <option value={REGION_CODE}>{t('draft.regionLevel')}</option>
        </select>
        <FieldError id={`${cityId}-error`} message={error} />
      </div>
      <div className="gs-field">
        <label className="gs-field__label" htmlFor={countyId}>
          {t('draft.county')}
        </label>
        <select
          id={countyId}
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
      </div>
    </div>
  )
}
