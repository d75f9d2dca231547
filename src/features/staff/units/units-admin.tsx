import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import { FormBehindButton } from '../common/form-behind-button'
import { ProblemMessage } from '../common/problem-message'
import { adminUnitsQuery } from '../common/queries'
import { ResponsibilityList } from './responsibility-list'
import { UnitForm } from './unit-form'
import { UnitsTable } from './units-table'

/**
 * The admin's units (the list first, a new unit behind its button) and the responsibility list;
 * every action says what it did in one place.
 */
export function UnitsAdmin() {
  const { t } = useTranslation()
  const units = useQuery(adminUnitsQuery())
  const [done, setDone] = useState<string | null>(null)
  return (
    <>
      <p role="status" className="gs-staff-done">
        {done}
      </p>
      <ProblemMessage error={units.error} />
      {units.data ? <UnitsTable units={units.data.units} onDone={setDone} /> : null}
      <FormBehindButton label={t('staff.unitAdmin.new')}>
        <UnitForm
          onCreated={(unit) => setDone(t('staff.unitAdmin.created', { name: unit.name }))}
        />
      </FormBehindButton>
      {units.data ? <ResponsibilityList units={units.data.units} onDone={setDone} /> : null}
    </>
  )
}
