import type { i18n as I18n } from 'i18next'
import { StrictMode, useEffect, type ReactElement } from 'react'
import { I18nextProvider } from 'react-i18next'
import { RouterProvider } from 'react-router/dom'
import { BUILD_ID } from '@/lib/build-id'
import { createI18n } from '@/lib/i18n'
import { registerServiceWorker } from '@/lib/sw'
import { createAppRouter } from './router'
import './styles.css'

type Router = ReturnType<typeof createAppRouter>

/**
 * The app with its i18next and router, made when main.tsx starts it rather than when this module
 * loads: the libraries' code runs in one task, and the app's start (i18next, the router's first
 * match, about a third of that work on a phone) in the next one, so neither is a long task.
 */
export function createApp(): ReactElement {
  const i18n = createI18n()
  const router = createAppRouter()
  return <App i18n={i18n} router={router} />
}

function App({ i18n, router }: { i18n: I18n; router: Router }) {
  useEffect(() => {
    // Lets a test (and a curious owner) tell one deployed version from the next.
    document.documentElement.dataset.buildId = BUILD_ID
    void registerServiceWorker()
  }, [])

  return (
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        {/* TanStack Query comes with the screens that read the server (router.tsx). */}
        <RouterProvider router={router} />
      </I18nextProvider>
    </StrictMode>
  )
}
