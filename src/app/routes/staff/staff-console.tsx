import { useQuery } from '@tanstack/react-query'
import { lazy, Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, Route, Routes } from 'react-router'
import { ProblemMessage } from '@/features/staff/problem-message'
import { meQuery } from '@/features/staff/queries'
import { homeScreenOf } from '@/features/staff/screens'
import { SignInForm } from '@/features/staff/sign-in-form'
import '@/features/staff/staff.css'
import { Component as Accounts } from './accounts'
import { Component as Board } from './board'
import { Component as Calendar } from './calendar'
import { Component as EntityCodes } from './entity-codes'
import { Component as Intake } from './intake'
import { Component as Lockouts } from './lockouts'
import { Component as Notifications } from './notifications'
import { Component as Queue } from './queue'
import { Component as ServicePoints } from './service-points'
import { StaffLayout } from './staff-layout'
import { screenPath } from './staff-paths'
import { Component as Ticket } from './ticket'
import { Component as Units } from './units'

// ECharts comes with this screen only.
const Statistics = lazy(() => import('./staff-statistics').then((m) => ({ default: m.Component })))

/** The staff console: the sign-in form until someone is signed in, then their screens. */
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
      <Suspense fallback={<p>{t('app.loading')}</p>}>
        <Routes>
          <Route index element={<Navigate to={screenPath(homeScreenOf(me.data.role))} replace />} />
          <Route path="queue" element={<Queue />} />
          <Route path="board" element={<Board />} />
          <Route path="tickets/:ticketId" element={<Ticket />} />
          <Route path="service-points" element={<ServicePoints />} />
          <Route path="statistics" element={<Statistics />} />
          <Route path="accounts" element={<Accounts />} />
          <Route path="units" element={<Units />} />
          <Route path="calendar" element={<Calendar />} />
          <Route path="intake" element={<Intake />} />
          <Route path="entity-codes" element={<EntityCodes />} />
          <Route path="notifications" element={<Notifications />} />
          <Route path="lockouts" element={<Lockouts />} />
          <Route path="*" element={<p>{t('notFound.title')}</p>} />
        </Routes>
      </Suspense>
    </StaffLayout>
  )
}
