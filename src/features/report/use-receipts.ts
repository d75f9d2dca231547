import { useLiveQuery } from 'dexie-react-hooks'
import { listReceipts, type Receipt } from './receipts'

/** The receipts on this phone, newest first, live; undefined while first reading. */
export function useReceipts(): Receipt[] | undefined {
  return useLiveQuery(listReceipts, [])
}
