import { useLiveQuery } from 'dexie-react-hooks'
import { getReceipt, type Receipt } from './receipt-store'

/** The receipt of a sent report: undefined while reading, null while the server has not answered. */
export function useReceipt(ticketId: string): Receipt | null | undefined {
  return useLiveQuery(async () => (await getReceipt(ticketId)) ?? null, [ticketId])
}
