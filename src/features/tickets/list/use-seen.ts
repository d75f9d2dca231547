import { useLiveQuery } from 'dexie-react-hooks'
import { readSeen, type SeenStatuses } from '../common/ticket-cache'

/** The status of each ticket when the owner last opened it; undefined while reading. */
export function useSeen(): SeenStatuses | undefined {
  return useLiveQuery(readSeen, [])
}
