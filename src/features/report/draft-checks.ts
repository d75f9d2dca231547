/**
 * What the report form needs only once the owner submits: the contract's check of the draft
 * (validate-draft, with zod) and its move into the outbox (submit-draft). Not loaded as the
 * form opens: zod and the contract's schemas are 30 KB more before a window code's form takes
 * typing, and running them is one long task on a slow phone (Total Blocking Time). Their files
 * are fetched (not run) once the form is drawn (run then where the engine cannot keep a file
 * without running it: prefetchDraftChecks); they run a while after the owner's first edit
 * (PREPARE_AFTER_EDIT_MS: the first keystroke's save goes first; run at that keystroke, they
 * ran beside its save, which came 0.15 s after the field in the form-ready bench) or at the tap
 * on submit, whichever comes first.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { submitDraft } from './submit-draft'
import type { validateDraft } from './validate-draft'

export type DraftChecks = { validateDraft: typeof validateDraft; submitDraft: typeof submitDraft }

let loading: Promise<DraftChecks> | null = null

export function loadDraftChecks(): Promise<DraftChecks> {
  if (!loading) {
    const load = Promise.all([import('./validate-draft'), import('./submit-draft')]).then(
      ([validation, submission]) => ({
        validateDraft: validation.validateDraft,
        submitDraft: submission.submitDraft,
      }),
    )
    // A failed load (offline without the service worker's copy) is tried again next time.
    load.catch(() => {
      if (loading === load) loading = null
    })
    loading = load
  }
  return loading
}

/** After the owner's first edit, the checks load this much later (see above). */
export const PREPARE_AFTER_EDIT_MS = 2000

/**
 * The checks once loaded (null before), `prepare` to load them now, and `prepareSoon` for each
 * of the owner's edits (the first one schedules the load).
 */
export function useDraftChecks() {
  const [checks, setChecks] = useState<DraftChecks | null>(null)
  const scheduled = useRef(false)
  const prepare = useCallback(
    () =>
      loadDraftChecks().then((loaded) => {
        setChecks(loaded)
        return loaded
      }),
    [],
  )
  // Fetched (not run) as soon as the form is drawn, in a task of its own: the owner may lose
  // the network any moment.
  useEffect(() => {
    const timer = window.setTimeout(() => {
      if (!prefetchDraftChecks()) void prepare().catch(() => undefined)
    }, 0)
    return () => window.clearTimeout(timer)
  }, [prepare])
  const prepareSoon = useCallback(() => {
    if (scheduled.current) return
    scheduled.current = true
    window.setTimeout(() => void prepare().catch(() => undefined), PREPARE_AFTER_EDIT_MS)
  }, [prepare])
  return { checks, prepare, prepareSoon }
}

let prefetched = false
/** Must equal REPORT_CHECKS_META in scripts/vite-prerender.ts (the build writes the meta). */
const REPORT_CHECKS_META = 'guishang-report-checks'

/**
 * Fetches the checks' scripts into the HTTP cache without running them (the build names them in
 * `<meta name="guishang-report-checks">`, scripts/vite-prerender.ts): with no service worker in
 * control, an owner who goes offline before the checks have run can still submit, as the import
 * then comes from that cache. False where the engine keeps no file it does not run (WebKit, so
 * WeChat on iPhone, ignores prefetch links; a `fetch` into the cache did not serve the import
 * offline in Chromium either): there the checks must run now.
 */
export function prefetchDraftChecks(): boolean {
  if (!document.createElement('link').relList.supports('prefetch')) return false
  if (prefetched) return true
  prefetched = true
  const files = document.querySelector<HTMLMetaElement>(`meta[name="${REPORT_CHECKS_META}"]`)
  for (const href of files?.content.split(' ').filter(Boolean) ?? []) {
    const link = document.createElement('link')
    link.rel = 'prefetch'
    link.as = 'script'
    link.crossOrigin = 'anonymous'
    link.href = href
    document.head.append(link)
  }
  return true
}
