import { useCallback, useRef, useState } from 'react'
import type { Draft, DraftFields } from './drafts'
import { useDraftAutosave } from './use-draft-autosave'

export type ChangeFields = (changes: Partial<DraftFields>) => void

const fieldsOf = (draft: Draft): DraftFields => ({
  category: draft.category,
  title: draft.title,
  description: draft.description,
  business: draft.business,
  contact: draft.contact,
  divisionCode: draft.divisionCode,
  servicePointToken: draft.servicePointToken,
  servicePoint: draft.servicePoint,
  confidential: draft.confidential,
  entityToken: draft.entityToken ?? null,
})

/**
 * The fields on screen, starting from the stored draft, and a `change` that updates them and
 * saves at once. `change` keeps its identity, so sections the change does not touch skip their
 * render: typing must stay cheap on a slow phone (the save is timed from the keystroke).
 */
export function useDraftFields(draft: Draft) {
  const [fields, setFields] = useState<DraftFields>(() => fieldsOf(draft))
  const latest = useRef(fields)
  const { saveState, save } = useDraftAutosave(draft.id)
  const change: ChangeFields = useCallback(
    (changes) => {
      const next = { ...latest.current, ...changes }
      latest.current = next
      setFields(next)
      save(next)
    },
    [save],
  )
  return { fields, change, saveState }
}
