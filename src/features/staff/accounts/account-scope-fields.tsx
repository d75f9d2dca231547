import { useQuery } from '@tanstack/react-query'
import { useTranslation } from '@/lib/i18n-react'
import { STAFF_ROLES, type StaffRole } from '../../../../mock-api/contract'
import { AccountField } from './account-field'
import { needsDivision, type AccountErrors, type ScopeDraft } from './account-input'
import { DivisionSelect } from '../common/division-select'
import { ProblemMessage } from '../common/problem-message'
import { servicePointsQuery, unitsQuery } from '../common/queries'

type Props = {
  idPrefix: string
  draft: ScopeDraft
  onChange: (draft: ScopeDraft) => void
  errors: AccountErrors
}

/** Role, then what the role needs: a division for a desk or office, a unit for a unit account. */
export function AccountScopeFields({ idPrefix, draft, onChange, errors }: Props) {
  const { t } = useTranslation()
  const units = useQuery({ ...unitsQuery(), enabled: draft.role === 'unit' })
  const points = useQuery({ ...servicePointsQuery(), enabled: draft.role === 'window' })
  const set = (change: Partial<ScopeDraft>) => onChange({ ...draft, ...change })
  return (
    <>
      <AccountField id={`${idPrefix}-role`} label={t('staff.accounts.role')} error={errors.role}>
        {(a11y) => (
          <select
            {...a11y}
            value={draft.role}
            onChange={(e) => set({ role: e.target.value as StaffRole })}
          >
            {STAFF_ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`staff.roles.${role}`)}
              </option>
            ))}
          </select>
        )}
      </AccountField>
      {needsDivision(draft.role) ? (
        <AccountField
          id={`${idPrefix}-division`}
          label={t('staff.accounts.division')}
          error={errors.divisionCode}
        >
          {({ id }) => (
            <DivisionSelect
              id={id}
              value={draft.divisionCode}
              onChange={(divisionCode) => set({ divisionCode })}
              regionLabel={t('staff.region')}
              citiesOnly={draft.role === 'desk'}
            />
          )}
        </AccountField>
      ) : null}
      {draft.role === 'unit' ? (
        <AccountField
          id={`${idPrefix}-unit`}
          label={t('staff.accounts.unit')}
          error={errors.unitId}
        >
          {(a11y) => (
            <select
              {...a11y}
              value={draft.unitId}
              onChange={(e) => set({ unitId: e.target.value })}
            >
              <option value="">{t('staff.choose')}</option>
              {(units.data?.units ?? []).map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {unit.name}
                </option>
              ))}
            </select>
          )}
        </AccountField>
      ) : null}
      {draft.role === 'window' ? (
        <AccountField
          id={`${idPrefix}-point`}
          label={t('staff.screens.servicePoints')}
          error={errors.servicePointId}
        >
          {(a11y) => (
            <select
              {...a11y}
              value={draft.servicePointId ?? ''}
              onChange={(e) => set({ servicePointId: e.target.value })}
            >
              <option value="">{t('staff.choose')}</option>
              {(points.data?.servicePoints ?? [])
                .filter((point) => point.retiredAt === null)
                .map((point) => (
                  <option key={point.id} value={point.id}>
                    {point.name}
                  </option>
                ))}
            </select>
          )}
        </AccountField>
      ) : null}
      <ProblemMessage error={units.error ?? points.error} />
    </>
  )
}
