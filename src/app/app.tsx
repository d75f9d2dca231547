import type { I18n } from '@/lib/i18n'
import { StrictMode, useEffect, type ReactElement } from 'react'
import { I18nProvider } from '@/lib/i18n-react'
import { RouterProvider } from 'react-router/dom'
import { BUILD_ID } from '@/lib/build-id'
import { createI18n } from '@/lib/i18n'
import { registerServiceWorker } from '@/lib/sw'
import { createAppRouter } from './router'
import './styles.css'

type Router = ReturnType<typeof createAppRouter>

/**
 * The app with its translator and router, made when main.tsx starts it rather than when this module
 * loads, and each in a task of its own: the libraries' code runs in one task, the translator starts
 * in the next one, the router is made in a third and starts (its first match, and the first
 * screen's import) with the app in a fourth, so none of them is a long task on a phone (V8
 * compiles each library function as it first runs: making and starting the router in one task
 * was 16-22 ms of CPU on this machine, over the 12.5 ms that Lighthouse's 4x slowdown counts as
 * blocking). `start` receives the app.
 */
export function createApp(start: (app: ReactElement) => void): void {
  const i18n = createI18n()
  setTimeout(() => {
    const router = createAppRouter()
    setTimeout(() => {
      router.initialize()
      start(<App i18n={i18n} router={router} />)
    }, 0)
  }, 0)
}

function App({ i18n, router }: { i18n: I18n; router: Router }) {
  useEffect(() => {
    // Lets a test (and a curious owner) tell one deployed version from the next.
    document.documentElement.dataset.buildId = BUILD_ID
    void registerServiceWorker()
  }, [])

  return (
    <StrictMode>
      <I18nProvider i18n={i18n}>
        {/* TanStack Query comes with the screens that read the server (router.tsx). */}
        <RouterProvider router={router} />
      </I18nProvider>
    </StrictMode>
  )
}
