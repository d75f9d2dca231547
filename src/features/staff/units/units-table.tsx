import { useTranslation } from '@/lib/i18n-react'
import type { AdminUnit } from '../../../../mock-api/contract'
import { divisionName } from '../common/division-select'
import { UnitActions } from './unit-actions'

type Props = { units: readonly AdminUnit[]; onDone: (message: string) => void }

/** Every unit, deactivated ones too, with its open tickets and what the admin may do. */
export function UnitsTable({ units, onDone }: Props) {
  const { t } = useTranslation()
  const region = t('staff.region')
  return (
    <div className="gs-staff-table-wrap">
      <table className="gs-staff-table">
        <caption>{t('staff.unitAdmin.list', { count: units.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('staff.unitAdmin.name')}</th>
            <th scope="col">{t('staff.unitAdmin.division')}</th>
            <th scope="col">{t('staff.unitAdmin.level')}</th>
            <th scope="col">{t('staff.unitAdmin.openTickets')}</th>
            <th scope="col">{t('staff.columns.status')}</th>
            <th scope="col">{t('staff.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {units.map((unit) => (
            <tr key={unit.id}>
              <td>{unit.name}</td>
              <td>{divisionName(unit.divisionCode, region)}</td>
              <td>{t(`staff.unitAdmin.levels.${unit.level}`)}</td>
              <td>{unit.openTickets}</td>
              <td>
                {unit.isActive ? t('staff.unitAdmin.isActive') : t('staff.unitAdmin.isRetired')}
              </td>
              <td>
                <UnitActions unit={unit} onDone={onDone} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
