import { useQuery } from '@tanstack/react-query'
import { useTranslation } from '@/lib/i18n-react'
import { Navigate, Outlet } from 'react-router'
import { ProblemMessage } from '@/features/staff/common/problem-message'
import { meQuery } from '@/features/staff/common/queries'
import { homeScreenOf } from '@/features/staff/session/screens'
import { SignInForm } from '@/features/staff/session/sign-in-form'
import '@/features/staff/common/staff.css'
import { staffScreenPath } from '../../paths'
import { StaffLayout } from './staff-layout'

/** The staff console's frame (router.tsx mounts its screens below it): the sign-in form until
 * someone is signed in, then the navigation and the screen. */
export function Component() {
  const { t } = useTranslation()
  const me = useQuery(meQuery())
  if (me.isPending) return <p className="gs-staff-page">{t('app.loading')}</p>
  if (me.isError) {
    return (
      <main className="gs-staff-page">
        <ProblemMessage error={me.error} />
      </main>
    )
  }
  if (me.data === null) {
    return (
      <main className="gs-staff-page gs-staff-page--narrow">
        <SignInForm />
      </main>
    )
  }
  return (
    <StaffLayout me={me.data}>
      <Outlet />
    </StaffLayout>
  )
}

/** /staff itself: the signed-in person's first screen (the frame above has loaded who they are). */
export function StaffHome() {
  const me = useQuery(meQuery())
  return me.data ? <Navigate to={staffScreenPath(homeScreenOf(me.data.role))} replace /> : null
}

export function StaffNotFound() {
  const { t } = useTranslation()
  return <p>{t('notFound.title')}</p>
}
