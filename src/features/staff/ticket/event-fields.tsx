import { useTranslation } from '@/lib/i18n-react'
import { Field } from '@/ui/field'
import type {
  RESOLVED_ANSWERS,
  SATISFACTION_ANSWERS,
  StaffTicket,
  StaffUnit,
  SuggestedUnit,
} from '../../../../mock-api/contract'
import { DIVISIONS } from '../../../../mock-api/contract'
import { dispatchGroups } from './dispatch-groups'
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
  /** The ticket's division: the unit pickers list its city's units first. */
  divisionCode?: string
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

/** Label, control and error of one field (ui/field ties them together for screen readers). */
export function EventField(props: FieldProps) {
  const { t } = useTranslation()
  const { field, error } = props
  const label = t(`staff.fields.${field.name}`)
  const message = error
    ? t(`staff.fieldErrors.${error === 'required' ? 'required' : 'invalid'}`)
    : undefined
  // Check-box lists are fieldsets named by their own legend.
  if (field.kind === 'co-units') {
    return (
      <div className="gs-field">
        <Control {...props} a11y={{ id: `staff-field-${field.name}` }} label={label} />
      </div>
    )
  }
  return (
    <Field
      id={`staff-field-${field.name}`}
      label={label}
      optional={field.isRequired ? undefined : t('staff.optional')}
      error={message}
    >
      {(control) => (
        <Control
          {...props}
          a11y={{ ...control, className: 'gs-input', required: field.isRequired }}
          label={label}
        />
      )}
    </Field>
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
          {/* The suggested units stay in their group too: a clerk looks for a unit by its name. */}
          {dispatchGroups(units, props.divisionCode ?? '').map((group) => (
            <optgroup key={group.key} label={t(`staff.unitGroups.${group.key}`)}>
              {group.units.map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {unit.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      )
    case 'co-units':
      return (
        <CoUnits
          label={label}
          values={values}
          onChange={onChange}
          units={dispatchGroups(units, props.divisionCode ?? '').flatMap((group) => group.units)}
        />
      )
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
        className="gs-input"
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
