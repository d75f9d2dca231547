import { StrictMode, useEffect } from 'react'
import { I18nextProvider } from 'react-i18next'
import { RouterProvider } from 'react-router/dom'
import { BUILD_ID } from '@/lib/build-id'
import { createI18n } from '@/lib/i18n'
import { registerServiceWorker } from '@/lib/sw'
import { createAppRouter } from './router'
import './styles.css'

const i18n = createI18n()
const router = createAppRouter()

export function App() {
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
