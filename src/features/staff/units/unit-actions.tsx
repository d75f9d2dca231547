import { useState, type FormEvent } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import { unitChangeSchema, type AdminUnit, type UnitChange } from '../../../../mock-api/contract'
import { changeUnit } from '../common/admin-api'
import { ProblemMessage } from '../common/problem-message'
import { staffKeys } from '../common/queries'
import { useSingleMutation } from '../common/use-single-mutation'
import { Button } from '@/ui/button'
import { ConfirmDialog } from '@/ui/confirm-dialog'

type Props = { unit: AdminUnit; onDone: (message: string) => void }

/** Rename, deactivate or reactivate one unit; the API refuses a unit still in use. */
export function UnitActions({ unit, onDone }: Props) {
  const { t } = useTranslation()
  const [isRenaming, setIsRenaming] = useState(false)
  const [name, setName] = useState(unit.name)
  const [isAsking, setIsAsking] = useState(false)
  const change = useSingleMutation(
    (input: UnitChange) => changeUnit(unit.id, input),
    [staffKeys.adminUnits, staffKeys.units],
  )

  const rename = (event: FormEvent) => {
    event.preventDefault()
    const parsed = unitChangeSchema.safeParse({ name })
    if (!parsed.success) return
    if (parsed.data.name === unit.name) {
      setIsRenaming(false)
      return
    }
    change.run(parsed.data, (changed) => {
      setIsRenaming(false)
      onDone(t('staff.unitAdmin.renamed', { from: unit.name, to: changed.name }))
    })
  }
  const setActive = (active: boolean) => {
    setIsAsking(false)
    change.run({ active }, (changed) =>
      onDone(
        t(active ? 'staff.unitAdmin.reactivated' : 'staff.unitAdmin.deactivated', {
          name: changed.name,
        }),
      ),
    )
  }

  return (
    <div className="gs-staff-row-actions">
      {isRenaming ? (
        <form onSubmit={rename} className="gs-staff-row-actions">
          <input
            aria-label={t('staff.unitAdmin.newName', { name: unit.name })}
            required
            maxLength={60}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <Button type="submit" disabled={change.isPending}>
            {t('staff.unitAdmin.save')}
          </Button>
          <Button variant="secondary" onClick={() => setIsRenaming(false)}>
            {t('staff.cancel')}
          </Button>
        </form>
      ) : (
        <Button
          variant="secondary"
          aria-label={t('staff.unitAdmin.renameOf', { name: unit.name })}
          onClick={() => setIsRenaming(true)}
        >
          {t('staff.unitAdmin.rename')}
        </Button>
      )}
      <Button
        variant={unit.isActive ? 'danger' : 'secondary'}
        disabled={change.isPending}
        aria-label={t(
          unit.isActive ? 'staff.unitAdmin.deactivateOf' : 'staff.unitAdmin.reactivateOf',
          {
            name: unit.name,
          },
        )}
        // Reactivating gives nothing away; deactivating asks first.
        onClick={() => (unit.isActive ? setIsAsking(true) : setActive(true))}
      >
        {t(unit.isActive ? 'staff.unitAdmin.deactivate' : 'staff.unitAdmin.reactivate')}
      </Button>
      <ProblemMessage error={change.error} />
      <ConfirmDialog
        open={isAsking}
        title={t('staff.unitAdmin.confirmDeactivate', { name: unit.name })}
        consequence={t('staff.unitAdmin.deactivateConsequence')}
        confirmLabel={t('staff.unitAdmin.deactivate')}
        onConfirm={() => setActive(false)}
        onCancel={() => setIsAsking(false)}
      />
    </div>
  )
}
