import { useLiveQuery } from 'dexie-react-hooks'
import { isEmptyDraft, listDrafts, type Draft } from './drafts'

/**
 * The drafts on this phone worth showing, kept current across tabs; undefined while the first read
 * runs. One opened and left without a word, a category or a photo is not shown (the next new
 * draft deletes it): the owner did not write anything to come back to.
 */
export function useDrafts(): Draft[] | undefined {
  return useLiveQuery(async () => (await listDrafts()).filter((draft) => !isEmptyDraft(draft)), [])
}
