import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import type { StaffServicePoint } from '../../../../mock-api/contract'
import { posterUrl, retireServicePoint } from '../common/api'
import { divisionName } from '../common/division-select'
import { FormBehindButton } from '../common/form-behind-button'
import { ProblemMessage } from '../common/problem-message'
import { servicePointsQuery, staffKeys } from '../common/queries'
import { ServicePointForm } from './service-point-form'
import { Button, buttonClass } from '@/ui/button'
import { ConfirmDialog } from '@/ui/confirm-dialog'

/**
 * Service points with their posters; the admin also creates and retires them. The list comes
 * first (what a clerk opens the page for); the create form waits behind its button.
 */
export function ServicePoints({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation()
  const points = useQuery(servicePointsQuery())
  const [done, setDone] = useState<string | null>(null)
  return (
    <>
      <p role="status" className="gs-staff-done">
        {done}
      </p>
      <ProblemMessage error={points.error} />
      {points.data ? (
        <PointTable
          points={points.data.servicePoints}
          canManage={canManage}
          onRetired={(point) => setDone(t('staff.points.retired', { name: point.name }))}
        />
      ) : null}
      {canManage ? (
        <FormBehindButton label={t('staff.points.new')}>
          <ServicePointForm
            onCreated={(point) => setDone(t('staff.points.created', { name: point.name }))}
          />
        </FormBehindButton>
      ) : null}
    </>
  )
}

type TableProps = {
  points: readonly StaffServicePoint[]
  canManage: boolean
  onRetired: (point: StaffServicePoint) => void
}

function PointTable({ points, canManage, onRetired }: TableProps) {
  const { t } = useTranslation()
  const region = t('staff.region')
  return (
    <div className="gs-staff-table-wrap">
      <table className="gs-staff-table">
        <caption>{t('staff.points.list', { count: points.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('staff.points.name')}</th>
            <th scope="col">{t('staff.points.division')}</th>
            <th scope="col">{t('staff.points.desk')}</th>
            <th scope="col">{t('staff.points.shortCode')}</th>
            <th scope="col">{t('staff.columns.status')}</th>
            <th scope="col">{t('staff.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((point) => (
            <tr key={point.id}>
              <td>{point.name}</td>
              <td>{divisionName(point.divisionCode, region)}</td>
              <td>{point.deskName}</td>
              <td>
                <code className="gs-staff-short-code">{point.shortCode}</code>
              </td>
              <td>{point.retiredAt ? t('staff.points.isRetired') : t('staff.points.isLive')}</td>
              <td>
                {point.retiredAt ? null : (
                  <PointActions point={point} canManage={canManage} onRetired={onRetired} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function PointActions({
  point,
  canManage,
  onRetired,
}: {
  point: StaffServicePoint
  canManage: boolean
  onRetired: (point: StaffServicePoint) => void
}) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const retire = useMutation({
    mutationFn: () => retireServicePoint(point.id),
    onSuccess: (retired) => {
      void queryClient.invalidateQueries({ queryKey: staffKeys.servicePoints })
      onRetired(retired)
    },
  })
  const [isAsking, setIsAsking] = useState(false)
  const confirmRetire = () => {
    setIsAsking(false)
    if (!retire.isPending) retire.mutate()
  }
  return (
    <div className="gs-staff-row-actions">
      <a
        className={buttonClass({ variant: 'secondary' })}
        href={posterUrl(point.id)}
        target="_blank"
        rel="noreferrer"
        aria-label={t('staff.points.posterOf', { name: point.name })}
      >
        {t('staff.points.poster')}
      </a>
      {canManage ? (
        <Button
          variant="danger"
          disabled={retire.isPending}
          onClick={() => setIsAsking(true)}
          aria-label={t('staff.points.retireOf', { name: point.name })}
        >
          {t('staff.points.retire')}
        </Button>
      ) : null}
      <ProblemMessage error={retire.error} />
      <ConfirmDialog
        open={isAsking}
        title={t('staff.points.confirmRetire', { name: point.name })}
        consequence={t('staff.points.retireConsequence')}
        confirmLabel={t('staff.points.retire')}
        onConfirm={confirmRetire}
        onCancel={() => setIsAsking(false)}
      />
    </div>
  )
}
