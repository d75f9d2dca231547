/**
 * Writes what the owner types to IndexedDB at once, one write at a time: a change made while a
 * write runs is written right after it, so the stored draft trails the screen by at most one
 * small transaction. There is deliberately no debounce to flush on pagehide: a browser aborts the
 * IndexedDB transactions of a page it unloads, so a write begun then (a reload for an update, a
 * closed tab) can be lost.
 * Each write leaves a `draft-save` performance measure, from the oldest change it carries to its
 * commit, with the time of the newest change it carries as its detail (`lastChangeAt`): the
 * benches read them, and a change is stored by the first write whose newest change is not older.
 * Only the latest measure is kept.
 */
import { useCallback, useRef, useState } from 'react'
import { updateDraft, type DraftFields } from './drafts'

export type SaveState = 'saved' | 'saving' | 'failed'

export const SAVE_MEASURE = 'draft-save'

export type SaveMeasureDetail = { lastChangeAt: number }

function measureSave(changedAt: number, lastChangeAt: number) {
  performance.clearMeasures(SAVE_MEASURE)
  const detail: SaveMeasureDetail = { lastChangeAt }
  performance.measure(SAVE_MEASURE, { start: changedAt, detail })
}

export function useDraftAutosave(id: string): {
  saveState: SaveState
  save: (fields: DraftFields) => void
} {
  const [saveState, setSaveState] = useState<SaveState>('saved')
  const pending = useRef<DraftFields | null>(null)
  const pendingSince = useRef<number | null>(null)
  const pendingLatest = useRef(0)
  const isWriting = useRef(false)

  const writePending = useCallback(async () => {
    isWriting.current = true
    try {
      for (let fields = pending.current; fields; fields = pending.current) {
        const changedAt = pendingSince.current ?? performance.now()
        const lastChangeAt = pendingLatest.current
        pending.current = null
        pendingSince.current = null
        await updateDraft(id, fields)
        measureSave(changedAt, lastChangeAt)
      }
      setSaveState('saved')
    } catch {
      // Storage full or blocked: say so; the next change tries again with every field.
      setSaveState('failed')
    } finally {
      isWriting.current = false
    }
  }, [id])

  const save = useCallback(
    (fields: DraftFields) => {
      pending.current = fields
      pendingLatest.current = performance.now()
      pendingSince.current ??= pendingLatest.current
      setSaveState('saving')
      if (!isWriting.current) void writePending()
    },
    [writePending],
  )

  return { saveState, save }
}
