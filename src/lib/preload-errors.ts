/**
 * Before a lazy import runs, Vite's preload helper asks for the stylesheets of every chunk the
 * import needs, the entry's own among them. That one is inlined into the prerendered pages, so
 * its request is one those pages never made: offline without a service worker (an in-app
 * browser) it fails, and Vite would fail the import with it, and with the import the owner's
 * submit (features/report/draft-checks.ts). A stylesheet that could not be fetched again does not
 * fail an import here; a script that cannot be fetched still does (its own `import()` rejects).
 */
export function keepImportsWhenStylesheetsFail(target: Window = window): void {
  target.addEventListener('vite:preloadError', (event) => {
    const { payload } = event as Event & { payload?: unknown }
    if (payload instanceof Error && payload.message.startsWith('Unable to preload CSS'))
      event.preventDefault()
  })
}
