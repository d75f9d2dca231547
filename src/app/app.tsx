import { QueryClientProvider } from '@tanstack/react-query'
import { StrictMode, useEffect } from 'react'
import { I18nextProvider } from 'react-i18next'
import { RouterProvider } from 'react-router/dom'
import { BUILD_ID } from '@/lib/build-id'
import { createI18n } from '@/lib/i18n'
import { createQueryClient } from '@/lib/query-client'
import { registerServiceWorker } from '@/lib/sw'
import { createAppRouter } from './router'
import './styles.css'

const i18n = createI18n()
const queryClient = createQueryClient()
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
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </I18nextProvider>
    </StrictMode>
  )
}
