import type { ComponentType } from 'react'
import {
  UNSAFE_createBrowserHistory as createBrowserHistory,
  UNSAFE_createRouter as createRouter,
  UNSAFE_hydrationRouteProperties as hydrationRouteProperties,
  UNSAFE_mapRouteProperties as mapRouteProperties,
  type RouteObject,
} from 'react-router'
import { loadScreenMessages } from '@/lib/i18n'
import { Component as Home } from './routes/home'
import { Layout } from './shell/layout'
import { RouteError } from './shell/route-error'
import { ShellFallback } from './shell/shell-fallback'

// Every screen but home is a lazy chunk (precached by the service worker), so the first load
// carries only the shell and the home screen; antd-mobile's form pieces and Dexie load with the
// draft screens. Home is eager: a lazy home costs the first visit one more round trip before LCP.
const staffScreens = () => import('./routes/staff/staff-screens')
/** A console route whose screen is `name` in staff-screens.ts. */
const staffScreen = (name: keyof Awaited<ReturnType<typeof staffScreens>>) => () =>
  staffScreens().then((screens) => ({ Component: screens[name] }))

const ROUTES: RouteObject[] = [
  {
    path: '/',
    Component: Layout,
    HydrateFallback: ShellFallback,
    ErrorBoundary: RouteError,
    children: [
      { index: true, Component: Home },
      { path: 'scan', lazy: () => import('./routes/scan') },
      { path: 'drafts', lazy: () => import('./routes/drafts') },
      { path: 'drafts/new', lazy: () => import('./routes/new-draft') },
      { path: 'drafts/:draftId', lazy: () => import('./routes/draft') },
      { path: 'q/:token', lazy: () => import('./routes/code') },
      { path: 'w/:token', lazy: () => import('./routes/code') },
      { path: 'receipts', lazy: () => import('./routes/receipts') },
      { path: 'receipts/:ticketId', lazy: () => import('./routes/receipt') },
      { path: 'tickets', lazy: () => import('./routes/tickets') },
      { path: 'tickets/:ticketId', lazy: () => import('./routes/ticket') },
      { path: 'tickets/link', lazy: () => import('./routes/link-device') },
      { path: 'tickets/:ticketId/case-file', lazy: () => import('./routes/case-file') },
      { path: 'lookup', lazy: () => import('./routes/lookup') },
      { path: 'claim', lazy: () => import('./routes/claim') },
      { path: 'e/:token', lazy: () => import('./routes/entity-code') },
      { path: 'r/:number', lazy: () => import('./routes/lookup') },
      { path: '*', lazy: () => import('./routes/not-found') },
    ],
  },
  // The staff console: its frame and screens are one lazy chunk (staff-screens.ts), so none of
  // it ships in the owner's first load; ECharts comes with the statistics chart only.
  {
    path: '/staff',
    ErrorBoundary: RouteError,
    lazy: staffScreen('Console'),
    children: [
      { index: true, lazy: staffScreen('StaffHome') },
      { path: 'queue', lazy: staffScreen('Queue') },
      { path: 'board', lazy: staffScreen('Board') },
      { path: 'tickets/:ticketId', lazy: staffScreen('Ticket') },
      { path: 'service-points', lazy: staffScreen('ServicePoints') },
      { path: 'statistics', lazy: staffScreen('Statistics') },
      { path: 'accounts', lazy: staffScreen('Accounts') },
      { path: 'units', lazy: staffScreen('Units') },
      { path: 'calendar', lazy: staffScreen('Calendar') },
      { path: 'intake', lazy: staffScreen('Intake') },
      { path: 'entity-codes', lazy: staffScreen('EntityCodes') },
      { path: 'notifications', lazy: staffScreen('Notifications') },
      { path: 'lockouts', lazy: staffScreen('Lockouts') },
      { path: '*', lazy: staffScreen('StaffNotFound') },
    ],
  },
]

/**
 * A lazy route whose screen comes inside the app's query client (app/query.tsx), with the owner
 * screens' Chinese (lib/i18n.ts, loadScreenMessages), both loaded beside the screen's own code.
 */
function withQuery(route: RouteObject): RouteObject {
  const { lazy, children } = route
  return {
    ...route,
    ...(typeof lazy === 'function' && {
      lazy: async () => {
        const [module, { withQueryClient }] = await Promise.all([
          lazy(),
          import('./query'),
          loadScreenMessages(),
        ])
        const Component = module.Component as ComponentType | null | undefined
        return Component ? { ...module, Component: withQueryClient(Component) } : module
      },
    }),
    ...(children && { children: children.map(withQuery) }),
  } as RouteObject
}

// TanStack Query stays out of home's first load: it loads with the first screen that reads the
// server, and every lazy screen comes wrapped in the app's one query client.
export const routes: RouteObject[] = ROUTES.map(withQuery)

/**
 * The browser router, not started yet: `initialize()` it (in a later task) before rendering it.
 * This is what `createBrowserRouter(routes)` does, minus its `initialize()` at the end (react-router
 * 7.18's own code, through its UNSAFE_ exports: no server hydration data, as nothing is
 * server-rendered with data). Split because a phone compiles react-router's code as it first runs
 * it (V8 compiles functions lazily): making the router and its first match in one task was a long
 * task at start-up (Total Blocking Time); in two, neither is.
 */
export function createAppRouter() {
  return createRouter({
    routes,
    history: createBrowserHistory({ window }),
    mapRouteProperties,
    hydrationRouteProperties,
    window,
  })
}
