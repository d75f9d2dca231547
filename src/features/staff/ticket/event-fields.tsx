import { useTranslation } from 'react-i18next'
import type {
  RESOLVED_ANSWERS,
  SATISFACTION_ANSWERS,
  StaffTicket,
  StaffUnit,
  SuggestedUnit,
} from '../../../../mock-api/contract'
import { DIVISIONS } from '../../../../mock-api/contract'
import type { CONTACT_CHANNELS, CONTACT_RESULTS } from './event-forms'
import { REFUSAL_BASES, joinBasis, type FieldSpec, type FormValues } from './event-forms'

export type FieldProps = {
  field: FieldSpec
  values: FormValues
  error: string | undefined
  onChange: (name: string, value: string | readonly string[]) => void
  units: readonly StaffUnit[]
  suggested: readonly SuggestedUnit[]
  /** The business's other tickets, for a termination to name. */
  record: NonNullable<StaffTicket['businessRecord']>
}

type OptionKey =
  | `staff.options.channel.${(typeof CONTACT_CHANNELS)[number]}`
  | `staff.options.reached.${(typeof CONTACT_RESULTS)[number]}`
  | `staff.options.resolved.${(typeof RESOLVED_ANSWERS)[number]}`
  | `staff.options.satisfaction.${(typeof SATISFACTION_ANSWERS)[number]}`
const REGION_CODE = '450000'
const DESK_CITIES = DIVISIONS.filter((division) => division.parent === REGION_CODE)

type BasisKey = `staff.bases.${(typeof REFUSAL_BASES)[number]}`

const text = (values: FormValues, name: string) => {
  const value = values[name]
  return typeof value === 'string' ? value : ''
}
const list = (values: FormValues, name: string) => {
  const value = values[name]
  return Array.isArray(value) ? (value as readonly string[]) : []
}

/** Label, control and error of one field; ids tie them together for screen readers. */
export function EventField(props: FieldProps) {
  const { t } = useTranslation()
  const { field, error } = props
  const id = `staff-field-${field.name}`
  const errorId = `${id}-error`
  const label = t(`staff.fields.${field.name}`)
  const a11y = {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
    required: field.isRequired,
  }
  return (
    <div className="gs-staff-field">
      {field.kind === 'co-units' ? null : (
        <label htmlFor={id}>
          {label}
          {field.isRequired ? null : <span className="gs-staff-muted"> {t('staff.optional')}</span>}
        </label>
      )}
      <Control {...props} a11y={a11y} label={label} />
      {error ? (
        <p id={errorId} className="gs-staff-field-error">
          {t(`staff.fieldErrors.${error === 'required' ? 'required' : 'invalid'}`)}
        </p>
      ) : null}
    </div>
  )
}

type ControlProps = FieldProps & {
  a11y: Record<string, unknown> & { id: string }
  label: string
}

function Control(props: ControlProps) {
  const { field, values, onChange, units, suggested, a11y, label } = props
  const { t } = useTranslation()
  const set = (value: string) => onChange(field.name, value)
  switch (field.kind) {
    case 'date':
      return (
        <input
          type="date"
          {...a11y}
          value={text(values, field.name)}
          onChange={(e) => set(e.target.value)}
        />
      )
    case 'datetime':
      return (
        <input
          type="datetime-local"
          {...a11y}
          value={text(values, field.name)}
          onChange={(e) => set(e.target.value)}
        />
      )
    case 'related-tickets':
      return (
        <RelatedTickets label={label} values={values} onChange={onChange} record={props.record} />
      )
    case 'text':
      return (
        <input
          type="text"
          {...a11y}
          value={text(values, field.name)}
          onChange={(e) => set(e.target.value)}
        />
      )
    case 'textarea':
      return (
        <textarea
          rows={3}
          {...a11y}
          value={text(values, field.name)}
          onChange={(e) => set(e.target.value)}
        />
      )
    case 'choice':
      return (
        <select {...a11y} value={text(values, field.name)} onChange={(e) => set(e.target.value)}>
          <option value="">{t('staff.choose')}</option>
          {(field.options ?? []).map((option) => (
            <option key={option} value={option}>
              {t(`staff.options.${field.name}.${option}` as OptionKey)}
            </option>
          ))}
        </select>
      )
    case 'basis':
      return <BasisControl values={values} onChange={onChange} a11y={a11y} />
    case 'desk':
      return (
        <select {...a11y} value={text(values, field.name)} onChange={(e) => set(e.target.value)}>
          <option value="">{t('staff.choose')}</option>
          <option value={REGION_CODE}>{t('staff.region')}</option>
          {DESK_CITIES.map((city) => (
            <option key={city.code} value={city.code}>
              {city.name}
            </option>
          ))}
        </select>
      )
    case 'lead-unit':
      return (
        <select {...a11y} value={text(values, field.name)} onChange={(e) => set(e.target.value)}>
          <option value="">{t('staff.choose')}</option>
          {suggested.length > 0 ? (
            <optgroup label={t('staff.suggested')}>
              {suggested.map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {`${unit.name}（${[
                    unit.listedAs ? t(`staff.listedAs.${unit.listedAs}`) : '',
                    unit.topics.join('、') || unit.keywords.join('、'),
                  ]
                    .filter(Boolean)
                    .join('；')}）`}
                </option>
              ))}
            </optgroup>
          ) : null}
          <optgroup label={t('staff.allUnits')}>
            {units.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </optgroup>
        </select>
      )
    case 'co-units':
      return <CoUnits label={label} values={values} onChange={onChange} units={units} />
  }
}

function BasisControl({
  values,
  onChange,
  a11y,
}: Pick<FieldProps, 'values' | 'onChange'> & { a11y: ControlProps['a11y'] }) {
  const { t } = useTranslation()
  const standard = text(values, 'basis.standard')
  const free = text(values, 'basis.text')
  const update = (nextStandard: string, nextFree: string) => {
    onChange('basis.standard', nextStandard)
    onChange('basis.text', nextFree)
    const label = nextStandard === '' ? '' : t(`staff.bases.${nextStandard}` as BasisKey)
    onChange('basis', joinBasis(label, nextFree))
  }
  return (
    <>
      <select {...a11y} value={standard} onChange={(e) => update(e.target.value, free)}>
        <option value="">{t('staff.basisOther')}</option>
        {REFUSAL_BASES.map((basis) => (
          <option key={basis} value={basis}>
            {t(`staff.bases.${basis}`)}
          </option>
        ))}
      </select>
      <textarea
        rows={2}
        aria-label={t('staff.basisText')}
        value={free}
        onChange={(e) => update(standard, e.target.value)}
      />
    </>
  )
}

// Only replied or closed tickets were handled lawfully; the server refuses any other.
function RelatedTickets({
  label,
  values,
  onChange,
  record,
}: Pick<FieldProps, 'values' | 'onChange' | 'record'> & { label: string }) {
  const { t } = useTranslation()
  const chosen = list(values, 'relatedTicketIds')
  const eligible = record.filter((r) => r.status === 'replied' || r.status === 'closed')
  const toggle = (id: string, isOn: boolean) =>
    onChange('relatedTicketIds', isOn ? [...chosen, id] : chosen.filter((c) => c !== id))
  return (
    <fieldset className="gs-staff-co-units">
      <legend>{label}</legend>
      {eligible.length === 0 ? (
        <p className="gs-staff-muted">{t('staff.noRelatedTickets')}</p>
      ) : null}
      {eligible.map((r) => (
        <label key={r.id}>
          <input
            type="checkbox"
            checked={chosen.includes(r.id)}
            onChange={(e) => toggle(r.id, e.target.checked)}
          />
          {`${r.number} ${r.title}（${t(`staff.statuses.${r.status}`)}）`}
        </label>
      ))}
    </fieldset>
  )
}

function CoUnits({
  label,
  values,
  onChange,
  units,
}: Pick<FieldProps, 'values' | 'onChange' | 'units'> & { label: string }) {
  const lead = text(values, 'leadUnitId')
  const chosen = list(values, 'coUnitIds')
  const toggle = (id: string, isOn: boolean) =>
    onChange('coUnitIds', isOn ? [...chosen, id] : chosen.filter((c) => c !== id))
  return (
    <fieldset className="gs-staff-co-units">
      <legend>{label}</legend>
      {units
        .filter((unit) => unit.id !== lead)
        .map((unit) => (
          <label key={unit.id}>
            <input
              type="checkbox"
              checked={chosen.includes(unit.id)}
              onChange={(e) => toggle(unit.id, e.target.checked)}
            />
            {unit.name}
          </label>
        ))}
    </fieldset>
  )
}
