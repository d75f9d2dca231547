/**
 * Build time only (scripts/vite-prerender.ts loads it in Node): the home screen's HTML, in
 * Chinese, as the first render of `App` in a fresh browser draws it, so the phone paints the
 * heading from the HTML and React hydrates it (main.tsx) instead of drawing it again.
 * The providers mirror app.tsx; nothing here runs in the browser.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import i18next from 'i18next'
import { StrictMode } from 'react'
import { renderToString } from 'react-dom/server'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { StaticRouterProvider, createStaticHandler, createStaticRouter } from 'react-router'
import { DEFAULT_LANGUAGE } from '@/lib/i18n'
import { zhCN } from '@/lib/locales/zh-cn'
import { routes } from './router'

/** The markup of `path` (only routes without loaders or lazy parts: home) for `#root`. */
export async function renderPage(path: string): Promise<string> {
  const i18n = i18next.createInstance()
  await i18n.use(initReactI18next).init({
    resources: { [DEFAULT_LANGUAGE]: { translation: zhCN } },
    lng: DEFAULT_LANGUAGE,
    interpolation: { escapeValue: false },
    initAsync: false,
  })
  const handler = createStaticHandler(routes)
  const context = await handler.query(new Request(`http://localhost${path}`))
  if (context instanceof Response) throw new Error(`${path} redirects: nothing to prerender`)
  const router = createStaticRouter(handler.dataRoutes, context)
  return renderToString(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={new QueryClient()}>
          {/* hydrate={false}: no inline script (the CSP allows none); the client router needs no data */}
          <StaticRouterProvider router={router} context={context} hydrate={false} />
        </QueryClientProvider>
      </I18nextProvider>
    </StrictMode>,
  )
}
