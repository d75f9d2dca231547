import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { NavLink, useNavigate } from 'react-router'
import type { StaffMe } from '../../../../mock-api/contract'
import { divisionName } from '@/features/staff/common/division-select'
import { ProblemMessage } from '@/features/staff/common/problem-message'
import { screensFor } from '@/features/staff/session/screens'
import { useLiveUpdates } from '@/features/staff/session/use-live-updates'
import { useSessionExpiry } from '@/features/staff/session/use-session-expiry'
import { useSignOut } from '@/features/staff/session/use-sign-out'
import { paths, staffScreenPath } from '../../paths'

export function StaffLayout({ me, children }: { me: StaffMe; children: ReactNode }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const signOut = useSignOut()
  useLiveUpdates(me.role !== 'admin')
  useSessionExpiry()
  const { unitName, divisionCode } = me.scope
  const scope = unitName ?? (divisionCode ? divisionName(divisionCode, t('staff.region')) : '')
  return (
    <div className="gs-staff">
      <header className="gs-staff-header">
        <p className="gs-staff-brand">{t('staff.title')}</p>
        <nav aria-label={t('staff.nav')}>
          {screensFor(me.role).map((screen) => (
            <NavLink key={screen} to={staffScreenPath(screen)}>
              {t(`staff.screens.${screen}`)}
            </NavLink>
          ))}
        </nav>
        <p className="gs-staff-who">
          {me.displayName} · {t(`staff.roles.${me.role}`)}
          {scope ? <span className="gs-staff-muted"> · {scope}</span> : null}
        </p>
        <button
          type="button"
          className="gs-staff-button gs-staff-button--plain"
          disabled={signOut.isPending}
          onClick={() =>
            signOut.mutate(undefined, { onSuccess: () => void navigate(paths.staff.home()) })
          }
        >
          {t('staff.signOut')}
        </button>
        <ProblemMessage error={signOut.error} />
      </header>
      <main className="gs-staff-page">{children}</main>
    </div>
  )
}
