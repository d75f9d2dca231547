import { useLiveQuery } from 'dexie-react-hooks'
import { listDrafts, type Draft } from './drafts'

/** The drafts on this phone, kept current across tabs; undefined while the first read runs. */
export function useDrafts(): Draft[] | undefined {
  return useLiveQuery(() => listDrafts(), [])
}
