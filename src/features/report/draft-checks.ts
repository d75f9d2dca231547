/**
 * What the report form needs only once the owner submits: the contract's check of the draft
 * (validate-draft, with zod) and its move into the outbox (submit-draft). They load as the owner
 * first edits the form, or taps submit, not as it opens: zod and the contract's schemas are
 * 30 KB more before a window code's form takes typing, and evaluating them is one long task on
 * a slow phone (Total Blocking Time).
 */
import { useCallback, useEffect, useState } from 'react'
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

/** The checks once loaded (null before), and `prepare` to load them. */
export function useDraftChecks() {
  const [checks, setChecks] = useState<DraftChecks | null>(null)
  // Fetched (not run) as soon as the form is drawn, in a task of its own: the owner may lose
  // the network any moment.
  useEffect(() => {
    const timer = window.setTimeout(prefetchDraftChecks, 0)
    return () => window.clearTimeout(timer)
  }, [])
  const prepare = useCallback(
    () =>
      loadDraftChecks().then((loaded) => {
        setChecks(loaded)
        return loaded
      }),
    [],
  )
  return { checks, prepare }
}

let prefetched = false

/**
 * Fetches the checks' scripts into the HTTP cache without running them (the build names them in
 * `<meta name="guishang-report-checks">`, scripts/vite-prerender.ts): with no service worker in
 * control, an owner who goes offline before the first edit can still submit, as the import then
 * comes from that cache. Running them waits for the owner's first edit.
 */
export function prefetchDraftChecks(): void {
  if (prefetched) return
  prefetched = true
  const files = document.querySelector<HTMLMetaElement>('meta[name="guishang-report-checks"]')
  for (const href of files?.content.split(' ').filter(Boolean) ?? []) {
    const link = document.createElement('link')
    link.rel = 'prefetch'
    link.as = 'script'
    link.crossOrigin = 'anonymous'
    link.href = href
    document.head.append(link)
  }
}
