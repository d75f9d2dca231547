import { startTransition } from 'react'
import { DEFAULT_LANGUAGE, storedLanguage } from '@/lib/i18n'
import { keepImportsWhenStylesheetsFail } from '@/lib/preload-errors'
import { createApp } from './app/app'
import { REPORT_FRAME_MARK, isReportFramePath } from './app/shell/report-frame-path'

keepImportsWhenStylesheetsFail()

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element')
// index.html carries the home screen prerendered in Chinese, and report.html the report form's
// empty frame (scripts/vite-prerender.ts): React takes those nodes over instead of drawing them
// again. Anywhere else, or for an owner who chose English, the HTML is not what the first render
// draws, so it starts afresh.
const prerendered = container.dataset.prerendered
const { pathname } = window.location
const isPrerendered =
  (prerendered === pathname ||
    (prerendered === REPORT_FRAME_MARK && isReportFramePath(pathname))) &&
  storedLanguage() === DEFAULT_LANGUAGE
// In a transition, React renders (and hydrates) in slices of a few milliseconds, yielding to the
// browser between them: no long task at start-up to hold up a tap (Total Blocking Time).
// A window code's link becomes a draft: the draft screen's code runs now, beside the link's own
// route (which the router loads), instead of after it. report.html's loader has asked for both
// already (mock-api/shared/report-frame-loader.ts).
// (In a task of its own: the import looks up a modulepreload link per chunk, which would
// lengthen the start-up task.)
if (isReportFramePath(pathname))
  setTimeout(() => void import('./app/routes/draft').catch(() => undefined), 0)
// The app starts in tasks of its own, after the one that ran the libraries' code (app.tsx).
// react-dom's client (a CommonJS module of about 180 KB) runs its own code when first imported:
// asked for here rather than at the top, that runs in a task of its own, not in the one that
// evaluates the entry and the other libraries.
setTimeout(() =>
  createApp((app) => {
    void import('react-dom/client').then(({ createRoot, hydrateRoot }) => {
      if (isPrerendered) {
        startTransition(() => {
          hydrateRoot(container, app)
        })
      } else {
        container.replaceChildren()
        const root = createRoot(container)
        startTransition(() => root.render(app))
      }
    })
  }),
)
