import { screen, waitFor } from '@testing-library/react'
import { useEffect } from 'react'
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createDraft } from '@/features/report/drafts'
import type * as liveDraft from '@/features/report/use-draft'
import type * as draftFields from '@/features/report/use-draft-fields'
import type * as liveReceipt from '@/features/report/use-receipt'
import { db } from '@/lib/db'
import { renderRoute } from '@/test/render'
import { paths } from '../paths'

// Each render of the draft form that reaches the screen runs useDraftFields' effects once: counted
// here by one more effect, the real hook runs. (Calls of the hook would also count renders React
// started again and threw away, as it may when a render in a transition yields.)
const formRenders = vi.hoisted(() => ({ count: 0 }))
vi.mock('@/features/report/use-draft-fields', async (importOriginal) => {
  const real = await importOriginal<typeof draftFields>()
  return {
    ...real,
    useDraftFields: (...args: Parameters<typeof real.useDraftFields>) => {
      const fields = real.useDraftFields(...args)
      useEffect(() => {
        formRenders.count += 1
      })
      return fields
    },
  }
})
// The draft's checks load a moment after the form is drawn, and the form renders with them
// (draft-checks.ts): not under test here, and their timing varies, so they never load.
vi.mock('@/features/report/draft-checks', () => {
  const notLoaded = Promise.reject(new Error('not loaded in this test'))
  notLoaded.catch(() => undefined)
  const checks = { checks: null, prepare: () => notLoaded, prepareSoon: () => undefined }
  return { useDraftChecks: () => checks }
})
// The screen's live queries (the draft, its receipt): whether each has answered on screen, that
// is, returned something other than undefined to a render.
const live = vi.hoisted(() => {
  const answered = { draft: false, receipt: false }
  /** `hook`, noting in `answered[name]` once it returns something other than undefined. */
  const watched =
    <A extends unknown[], R>(name: keyof typeof answered, hook: (...args: A) => R) =>
    (...args: A): R => {
      const result = hook(...args)
      if (result !== undefined) answered[name] = true
      return result
    }
  return { answered, watched }
})
vi.mock('@/features/report/use-draft', async (importOriginal) => ({
  useDraft: live.watched('draft', (await importOriginal<typeof liveDraft>()).useDraft),
}))
vi.mock('@/features/report/use-receipt', async (importOriginal) => ({
  useReceipt: live.watched('receipt', (await importOriginal<typeof liveReceipt>()).useReceipt),
}))

/** Both live queries answered, and the renders they set off are on screen. */
async function liveAnswersDrawn() {
  await waitFor(() => expect(live.answered).toEqual({ draft: true, receipt: true }))
  await new Promise((resolve) => setTimeout(resolve, 0))
}

describe('draft screen, opening', () => {
  beforeAll(async () => {
    await import('./draft')
  })

  beforeEach(async () => {
    await db.drafts.clear()
    formRenders.count = 0
    live.answered.draft = false
    live.answered.receipt = false
  })

  // A window code's link opens this screen on a slow phone: a render of the whole form that
  // changes nothing is a long task there (Total Blocking Time, issue 20).
  it('draws the form twice (its top, then the rest) and not again when the live draft arrives unchanged', async () => {
    const id = await createDraft({ servicePointToken: null })
    renderRoute(paths.draft(id))
    await screen.findByRole('button', { name: '提交反映' })
    await liveAnswersDrawn()
    expect(formRenders.count, `renders ${formRenders.count}`).toBe(2)
  })

  it('draws the form again when the stored draft really changes', async () => {
    const id = await createDraft()
    renderRoute(paths.draft(id))
    await screen.findByRole('button', { name: '提交反映' })
    await liveAnswersDrawn()
    const before = formRenders.count
    await db.drafts.update(id, { state: 'queued', updatedAt: Date.now() })
    expect(await screen.findByText('已保存在这部手机上，联网后会自动发送')).toBeInTheDocument()
    expect(formRenders.count).toBeGreaterThan(before)
  })
})
