import { useTranslation } from '@/lib/i18n-react'
import { DIVISIONS } from '../../../../mock-api/contract'

const REGION_CODE = '450000'
const CITIES = DIVISIONS.filter((division) => division.parent === REGION_CODE)

type Props = {
  id: string
  value: string
  onChange: (code: string) => void
  regionLabel: string
  /** Only the region and the cities (a desk's division), without counties. */
  citiesOnly?: boolean
}

/** Guangxi's cities, each followed by its counties; the region first. Division names are Chinese. */
export function DivisionSelect({ id, value, onChange, regionLabel, citiesOnly = false }: Props) {
  return (
    <select id={id} value={value} required onChange={(e) => onChange(e.target.value)}>
      <option value={REGION_CODE}>{regionLabel}</option>
      {CITIES.map((city) =>
        citiesOnly ? (
          <option key={city.code} value={city.code}>
            {city.name}
          </option>
        ) : (
          <optgroup key={city.code} label={city.name}>
            <option value={city.code}>{city.name}</option>
            {DIVISIONS.filter((d) => d.parent === city.code).map((county) => (
              <option key={county.code} value={county.code}>
                {`${city.name} ${county.name}`}
              </option>
            ))}
          </optgroup>
        ),
      )}
    </select>
  )
}

/** The labelled division field of the console's forms; the region is named as the console names it. */
export function DivisionField({
  id,
  label,
  value,
  onChange,
}: Pick<Props, 'id' | 'value' | 'onChange'> & { label: string }) {
  const { t } = useTranslation()
  return (
    <div className="gs-staff-field">
      <label htmlFor={id}>{label}</label>
      <DivisionSelect id={id} value={value} onChange={onChange} regionLabel={t('staff.region')} />
    </div>
  )
}

export const divisionName = (code: string, regionLabel: string): string => {
  if (code === REGION_CODE) return regionLabel
  const division = DIVISIONS.find((d) => d.code === code)
  if (!division) return code
  const city = DIVISIONS.find((d) => d.code === division.parent)
  return city ? `${city.name} ${division.name}` : division.name
}
