// A window code's link (`/q/<token>`) and a draft (`/drafts/<id>`) open as the report form: the
// worker answers their navigations with report.html, the form's empty frame prerendered at build
// time (scripts/vite-prerender.ts), as the server does (mock-api/plugins/static-app.ts). Every
// other navigation gets workbox's navigateFallback (app.html), whose denylist leaves these paths
// to this listener (scripts/pwa-workbox.ts). Imported into the generated worker (importScripts);
// wrapped in a function because every script the worker imports shares one global scope.
/* global self, caches */
;(() => {
  // The same pattern as src/app/shell/report-frame-path.ts.
  const REPORT_FRAME_PATH = /^\/(q|drafts)\/[^/]+\/?$/

  // The precached copy (workbox keys it with a revision in the query); the network without one.
  const reportFrame = async (request) =>
    (await caches.match(new URL('report.html', self.registration.scope).href, {
      ignoreSearch: true,
    })) ?? fetch(request)

  self.addEventListener('fetch', (event) => {
    const { request } = event
    if (request.mode !== 'navigate') return
    const url = new URL(request.url)
    if (url.origin !== self.location.origin || !REPORT_FRAME_PATH.test(url.pathname)) return
    event.respondWith(reportFrame(request))
  })
})()
