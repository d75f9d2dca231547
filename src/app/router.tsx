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
      { path: 'tickets', lazy: () => import('./routes/tickets') },
      { path: 'tickets/:ticketId', lazy: () => import('./routes/ticket') },
      { path: '*', lazy: () => import('./routes/not-found') },
    ],
  },
]

export function createAppRouter() {
  return createBrowserRouter(routes)
}
