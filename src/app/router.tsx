import { createBrowserRouter, type RouteObject } from 'react-router'
import { Component as Home } from './routes/home'
import { Layout } from './shell/layout'
import { RouteError } from './shell/route-error'
import { ShellFallback } from './shell/shell-fallback'

// Every screen but home is a lazy chunk (precached by the service worker), so the first load
// carries only the shell and the home screen; antd-mobile's form pieces and Dexie load with the
// draft screens. Home is eager: a lazy home costs the first visit one more round trip before LCP.
export const routes: RouteObject[] = [
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
  // The staff console: its own layout and screens, loaded only when someone opens /staff.
  {
    path: '/staff/*',
    ErrorBoundary: RouteError,
    lazy: () => import('./routes/staff/staff-console'),
  },
]

export function createAppRouter() {
  return createBrowserRouter(routes)
}
