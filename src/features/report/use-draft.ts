import { useLiveQuery } from 'dexie-react-hooks'
import { getDraft, type Draft } from './drafts'

/**
 * One draft, kept current across tabs and outbox answers: undefined while the first read runs,
 * null once it no longer exists (sent, or deleted).
 */
export function useDraft(id: string): Draft | null | undefined {
  return useLiveQuery(async () => (await getDraft(id)) ?? null, [id])
}
