/**
 * The report's side of the outbox: what happens to a draft once the server has answered its
 * items. Both handlers run inside the outbox's settle transaction (see sync/outbox.ts), so they
 * only await Dexie work and their writes commit with the item's removal, exactly once.
 * - The report sent: the receipt is stored (number and code, the owner's proof); the draft and its
 *   photos go once the last of its items has left the outbox.
 * - The report refused: the draft comes back, editable, with the server's message.
 */
import { z } from 'zod'
import { db, type DraftRefusal } from '@/lib/db'
import type { ApiProblem } from '@/lib/http'
import { isDraftWaiting, type OutboxItem } from '@/features/sync/outbox'
import { categorySchema } from '../../../mock-api/contract'
import { deleteDraft } from './drafts'

const REPORTS_PATH = '/reports'

const ticketAnswerSchema = z.object({ id: z.string(), number: z.string(), code: z.string() })
const sentReportSchema = z.object({ title: z.string(), category: categorySchema })

const isReport = (item: OutboxItem) => item.path === REPORTS_PATH && item.method === 'POST'

async function removeDraftWhenDone(draftId: string, leaving: OutboxItem) {
  if (await isDraftWaiting(draftId, leaving.id)) return
  if (await db.receipts.get(draftId)) await deleteDraft(draftId)
}

export async function handleReportSent(item: OutboxItem, responseBody: unknown): Promise<void> {
  if (item.draftId === null) return
  if (isReport(item)) {
    // Throwing keeps the item queued: an answer without a receipt is no proof the report is in.
    const ticket = ticketAnswerSchema.parse(responseBody)
    const sent = item.body.kind === 'json' ? sentReportSchema.parse(item.body.value) : null
    if (!sent) throw new Error('a report item without a JSON body')
    await db.receipts.put({
      ticketId: ticket.id,
      number: ticket.number,
      code: ticket.code,
      title: sent.title,
      category: sent.category,
      sentAt: Date.now(),
    })
  }
  await removeDraftWhenDone(item.draftId, item)
}

function toRefusal(problem: ApiProblem): DraftRefusal {
  const { title, message, errors } = problem.problem
  return {
    status: problem.status,
    message: message ?? { zh: title, en: title },
    fields: errors ?? [],
  }
}

export async function handleReportRefused(item: OutboxItem, problem: ApiProblem): Promise<void> {
  if (item.draftId === null) return
  if (isReport(item)) {
    await db.drafts.update(item.draftId, { state: 'refused', refusal: toRefusal(problem) })
    return
  }
  // A photo the server would not take (too large, not an image) once the report is in: the
  // ticket stands without it.
  await removeDraftWhenDone(item.draftId, item)
}
