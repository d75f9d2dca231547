import { useLiveQuery } from 'dexie-react-hooks'
import { listReceipts, type Receipt } from './receipt-store'

/** The receipts on this phone, newest first, live; undefined while first reading. */
export function useReceipts(): Receipt[] | undefined {
  return useLiveQuery(listReceipts, [])
}
