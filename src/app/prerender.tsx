/**
 * Build time only (scripts/vite-prerender.ts loads it in Node): the home screen's HTML and the
 * report form's empty frame, in Chinese, as the first render of `App` in a fresh browser draws
 * them, so the phone paints the heading from the HTML and React hydrates it (main.tsx) instead
 * of drawing it again.
 * The providers mirror app.tsx; nothing here runs in the browser.
 */
import { StrictMode } from 'react'
import { renderToString } from 'react-dom/server'
import {
  StaticRouter,
  StaticRouterProvider,
  createStaticHandler,
  createStaticRouter,
} from 'react-router'
import { DEFAULT_LANGUAGE, type Language } from '@/lib/i18n'
import { I18nProvider } from '@/lib/i18n-react'
import { zhCN } from '@/lib/locales/zh-cn'
import { Translator } from '@/lib/translator'
import { routes } from './router'
import { ShellFallback } from './shell/shell-fallback'

function chineseI18n() {
  return new Translator<Language>({
    language: DEFAULT_LANGUAGE,
    fallbackLanguage: DEFAULT_LANGUAGE,
    resources: { [DEFAULT_LANGUAGE]: zhCN },
  })
}

/** The markup of `path` (only routes without loaders or lazy parts: home) for `#root`. */
export async function renderPage(path: string): Promise<string> {
  const i18n = chineseI18n()
  const handler = createStaticHandler(routes)
  const context = await handler.query(new Request(`http://localhost${path}`))
  if (context instanceof Response) throw new Error(`${path} redirects: nothing to prerender`)
  const router = createStaticRouter(handler.dataRoutes, context)
  return renderToString(
    <StrictMode>
      <I18nProvider i18n={i18n}>
        {/* hydrate={false}: no inline script (the CSP allows none); the client router needs no data */}
        <StaticRouterProvider router={router} context={context} hydrate={false} />
      </I18nProvider>
    </StrictMode>,
  )
}

/**
 * The markup the router draws at `path` while that screen's code loads (its HydrateFallback,
 * app/shell/shell-fallback.tsx): for a window code's link or a draft, the report form's frame.
 */
export function renderFallback(path: string): Promise<string> {
  const i18n = chineseI18n()
  const html = renderToString(
    <StrictMode>
      <I18nProvider i18n={i18n}>
        <StaticRouter location={path}>
          <ShellFallback />
        </StaticRouter>
      </I18nProvider>
    </StrictMode>,
  )
  return Promise.resolve(html)
}
