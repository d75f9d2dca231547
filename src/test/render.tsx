import { QueryClientProvider } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import type { I18n } from '@/lib/i18n'
import { I18nProvider } from '@/lib/i18n-react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { routes } from '@/app/router'
import { createI18n } from '@/lib/i18n'
import { createQueryClient } from '@/lib/query-client'

/**
 * Renders the app's real route table at `path`, as a fresh page load would: a new i18n instance
 * (reading the remembered language), a new query client and a memory router.
 */
export function renderRoute(path: string, { i18n = createI18n() }: { i18n?: I18n } = {}) {
  const router = createMemoryRouter(routes, { initialEntries: [path] })
  const view = render(
    <I18nProvider i18n={i18n}>
      <QueryClientProvider client={createQueryClient()}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nProvider>,
  )
  return { ...view, router, i18n }
}
