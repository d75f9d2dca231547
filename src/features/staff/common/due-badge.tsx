import { useTranslation } from '@/lib/i18n-react'
import type { Due } from '../../../../mock-api/contract'

export type DueLevel = 'overdue' | 'near' | 'ok' | 'none'

/** Red past due, amber with at most one working day left (DOMAIN.md's flags, computed by the API). */
export const dueLevel = (due: Due | null): DueLevel =>
  due === null ? 'none' : due.overdue ? 'overdue' : due.nearDue ? 'near' : 'ok'

export function DueBadge({ due }: { due: Due | null }) {
  const { t } = useTranslation()
  if (due === null) return <span className="gs-staff-muted">—</span>
  const level = dueLevel(due)
  return (
    <span className={`gs-staff-due gs-staff-due--${level}`}>
      {level === 'ok' ? null : (
        <strong>{t(level === 'overdue' ? 'staff.due.overdue' : 'staff.due.near')} </strong>
      )}
      {t('staff.due.at', { step: t(`staff.steps.${due.step}`), day: due.lastDay })}
      {level === 'ok' ? ` · ${t('staff.due.left', { count: due.workingDaysLeft })}` : null}
      {due.provisional ? ` · ${t('staff.due.provisional')}` : null}
    </span>
  )
}
