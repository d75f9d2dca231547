/**
 * Writes what the owner types to IndexedDB at once, one write at a time: a change made while a
 * write runs is written right after it, so the stored draft trails the screen by at most one
 * small transaction. There is deliberately no debounce to flush on pagehide: a browser aborts the
 * IndexedDB transactions of a page it unloads, so a write begun then (a reload for an update, a
 * closed tab) can be lost.
 */
import { useCallback, useRef, useState } from 'react'
import { updateDraft, type DraftFields } from './drafts'

export type SaveState = 'saved' | 'saving' | 'failed'

export function useDraftAutosave(id: string): {
  saveState: SaveState
  save: (fields: DraftFields) => void
} {
  const [saveState, setSaveState] = useState<SaveState>('saved')
  const pending = useRef<DraftFields | null>(null)
  const isWriting = useRef(false)

  const writePending = useCallback(async () => {
    isWriting.current = true
    try {
      for (let fields = pending.current; fields; fields = pending.current) {
        pending.current = null
        await updateDraft(id, fields)
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
      setSaveState('saving')
      if (!isWriting.current) void writePending()
    },
    [writePending],
  )

  return { saveState, save }
}
