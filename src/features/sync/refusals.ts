/**
 * What the owner is told about refused items until they dismiss it: the server's message, kept
 * in the `settings` table so a reload does not hide it. When the same draft is sent again, its
 * notice goes. Written only inside the outbox's settle transactions.
 */
import { db, type OutboxRow } from '@/lib/db'
import type { ApiProblem } from '@/lib/http'
import { SETTING_OUTBOX_REFUSALS } from './outbox-probe'
const KEPT_REFUSALS = 10

export type OutboxRefusal = {
  itemId: string
  draftId: string | null
  status: number
  /** The server's message in both languages; null when it sent none (the title is the fallback). */
  message: { zh: string; en: string } | null
  title: string
  at: number
}

export async function listRefusals(): Promise<OutboxRefusal[]> {
  const row = await db.settings.get(SETTING_OUTBOX_REFUSALS)
  return Array.isArray(row?.value) ? (row.value as OutboxRefusal[]) : []
}

async function writeRefusals(refusals: OutboxRefusal[]): Promise<void> {
  await db.settings.put({ key: SETTING_OUTBOX_REFUSALS, value: refusals.slice(-KEPT_REFUSALS) })
}

export async function recordRefusal(item: OutboxRow, problem: ApiProblem, at: number) {
  const others = (await listRefusals()).filter((r) => r.itemId !== item.id)
  const { message, title } = problem.problem
  const refusal = { itemId: item.id, draftId: item.draftId, status: problem.status, title, at }
  await writeRefusals([...others, { ...refusal, message: message ?? null }])
}

export async function clearDraftRefusals(draftId: string | null): Promise<void> {
  await clearRefusalsOf([draftId])
}

/** clearDraftRefusals for several drafts, with one read (and at most one write) of the notices. */
export async function clearRefusalsOf(draftIds: readonly (string | null)[]): Promise<void> {
  const drafts = new Set(draftIds.filter((id) => id !== null))
  if (drafts.size === 0) return
  const refusals = await listRefusals()
  const kept = refusals.filter((r) => r.draftId === null || !drafts.has(r.draftId))
  if (kept.length !== refusals.length) await writeRefusals(kept)
}

/** The owner has read the notice. */
export async function dismissRefusal(itemId: string): Promise<void> {
  await writeRefusals((await listRefusals()).filter((r) => r.itemId !== itemId))
}
