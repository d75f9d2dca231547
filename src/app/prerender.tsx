/**
 * Build time only (scripts/vite-prerender.ts loads it in Node): the home screen's HTML and the
 * report form's empty frame, in Chinese, as the first render of `App` in a fresh browser draws
 * them, so the phone paints the heading from the HTML and React hydrates it (main.tsx) instead
 * of drawing it again.
 * The providers mirror app.tsx; nothing here runs in the browser.
 */
import i18next from 'i18next'
import { StrictMode } from 'react'
import { renderToString } from 'react-dom/server'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import {
  StaticRouter,
  StaticRouterProvider,
  createStaticHandler,
  createStaticRouter,
} from 'react-router'
import { DEFAULT_LANGUAGE } from '@/lib/i18n'
import { zhCN } from '@/lib/locales/zh-cn'
import { routes } from './router'
import { ShellFallback } from './shell/shell-fallback'

async function chineseI18n() {
  const i18n = i18next.createInstance()
  await i18n.use(initReactI18next).init({
    resources: { [DEFAULT_LANGUAGE]: { translation: zhCN } },
    lng: DEFAULT_LANGUAGE,
    interpolation: { escapeValue: false },
    initAsync: false,
  })
  return i18n
}

/** The markup of `path` (only routes without loaders or lazy parts: home) for `#root`. */
export async function renderPage(path: string): Promise<string> {
  const i18n = await chineseI18n()
  const handler = createStaticHandler(routes)
  const context = await handler.query(new Request(`http://localhost${path}`))
  if (context instanceof Response) throw new Error(`${path} redirects: nothing to prerender`)
  const router = createStaticRouter(handler.dataRoutes, context)
  return renderToString(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        {/* hydrate={false}: no inline script (the CSP allows none); the client router needs no data */}
        <StaticRouterProvider router={router} context={context} hydrate={false} />
      </I18nextProvider>
    </StrictMode>,
  )
}

/**
 * The markup the router draws at `path` while that screen's code loads (its HydrateFallback,
 * app/shell/shell-fallback.tsx): for a window code's link or a draft, the report form's frame.
 */
export async function renderFallback(path: string): Promise<string> {
  const i18n = await chineseI18n()
  return renderToString(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <StaticRouter location={path}>
          <ShellFallback />
        </StaticRouter>
      </I18nextProvider>
    </StrictMode>,
  )
}
