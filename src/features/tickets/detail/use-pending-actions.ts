import { useLiveQuery } from 'dexie-react-hooks'
import { listOutbox, type OutboxItem } from '@/features/sync/outbox'
import { isActionOf } from './actions'

/** This ticket's actions still waiting in the outbox (sent once the phone is online). */
export function usePendingActions(ticketId: string): OutboxItem[] {
  return useLiveQuery(
    async () => (await listOutbox()).filter((item) => isActionOf(ticketId, item.path)),
    [ticketId],
    [],
  )
}
