import type { ReactNode } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import { NavLink, useNavigate } from 'react-router'
import type { StaffMe } from '../../../../mock-api/contract'
import { divisionName } from '@/features/staff/common/division-select'
import { ProblemMessage } from '@/features/staff/common/problem-message'
import { screensFor } from '@/features/staff/session/screens'
import { useLiveUpdates } from '@/features/staff/session/use-live-updates'
import { useSessionExpiry } from '@/features/staff/session/use-session-expiry'
import { useSignOut } from '@/features/staff/session/use-sign-out'
import { paths, staffScreenPath } from '../../paths'
import { Button } from '@/ui/button'

/**
 * Who is signed in, each fact once: a unit's account is named after the unit, an office's after
 * its city and role (issue 17: "南宁市市场监督管理局 · 承办单位 · 南宁市市场监督管理局").
 */
export function whoParts(name: string, role: string, scope: string) {
  return { name, rest: [role, scope].filter((part) => part !== '' && !name.includes(part)) }
}

export function StaffLayout({ me, children }: { me: StaffMe; children: ReactNode }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const signOut = useSignOut()
  useLiveUpdates(me.role !== 'admin')
  useSessionExpiry()
  const { unitName, divisionCode } = me.scope
  const scope = unitName ?? (divisionCode ? divisionName(divisionCode, t('staff.region')) : '')
  const who = whoParts(me.displayName, t(`staff.roles.${me.role}`), scope)
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
          {who.name}
          {who.rest.length > 0 ? (
            <span className="gs-staff-muted"> · {who.rest.join(' · ')}</span>
          ) : null}
        </p>
        <Button
          variant="secondary"
          disabled={signOut.isPending}
          onClick={() =>
            signOut.mutate(undefined, { onSuccess: () => void navigate(paths.staff.home()) })
          }
        >
          {t('staff.signOut')}
        </Button>
        <ProblemMessage error={signOut.error} />
      </header>
      <main className="gs-staff-page">{children}</main>
    </div>
  )
}
