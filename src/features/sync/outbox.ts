/**
 * The outbox: requests waiting to reach the server, in IndexedDB, so that nothing the owner sent
 * is lost to a reload or a dead network. It carries requests, never features: an item is a
 * method, a path and a body, and its id is the idempotency key. Invariants:
 * - `enqueue` writes inside the caller's Dexie transaction when there is one, so a draft and its
 *   outbox items appear (or roll back) together; the flush is woken only after that commit.
 * - An item leaves the outbox in the same transaction as its `sent`/`refused` handlers' writes,
 *   and only if it is still there: the handlers run exactly once per item, even with two tabs.
 */
import { afterCommit, db, type OutboxRow } from '@/lib/db'
import { newId } from '@/lib/ids'
import type { ApiProblem } from '@/lib/http'
import { OUTBOX_WAKE_EVENT } from './outbox-probe'
import { askForPersistentStorage } from './persist-storage'
import { clearDraftRefusals, clearRefusalsOf, recordRefusal } from './refusals'

export type OutboxItem = OutboxRow

export type EnqueueInput = {
  /** The idempotency key; give the report's own id for a report. A new UUID otherwise. */
  id?: string
  method: OutboxRow['method']
  /** Below `/api`: `/reports`, `/tickets/<id>/attachments`. */
  path: string
  body: OutboxRow['body']
  /** An item that must be sent first (a photo waits for its report). */
  after?: string | null
  draftId?: string | null
}

/**
 * Called once an item has its answer. Both run inside the outbox's IndexedDB transaction (over
 * every table), so they must only await Dexie work; their writes and the item's removal commit
 * together. A handler decides by `item.path` / `item.draftId` whether the item is its own.
 */
export type OutboxSettledHandler = {
  sent?(item: OutboxItem, responseBody: unknown): Promise<void> | void
  /** Also called for each item that waited on a refused one (its `after` chain). */
  refused?(item: OutboxItem, problem: ApiProblem): Promise<void> | void
}

const handlers = new Set<OutboxSettledHandler>()
const wakeListeners = new Set<() => void>()
let lastCreatedAt = 0

/** Registers completion handlers; returns the unsubscribe. */
export function onOutboxSettled(handler: OutboxSettledHandler): () => void {
  handlers.add(handler)
  return () => handlers.delete(handler)
}

/** For the flush triggers: called after an enqueue commits or a retry is asked for. */
export function onOutboxWake(listener: () => void): () => void {
  wakeListeners.add(listener)
  return () => wakeListeners.delete(listener)
}

function wake(): void {
  wakeListeners.forEach((listener) => listener())
  window.dispatchEvent(new Event(OUTBOX_WAKE_EVENT))
}

/** Queues a request and returns its id (the idempotency key). */
export async function enqueue(input: EnqueueInput): Promise<string> {
  const id = input.id ?? newId()
  // Strictly increasing within a tab, so items queued in the same millisecond keep their order.
  lastCreatedAt = Math.max(Date.now(), lastCreatedAt + 1)
  await db.outbox.add({
    id,
    method: input.method,
    path: input.path,
    body: input.body,
    after: input.after ?? null,
    draftId: input.draftId ?? null,
    createdAt: lastCreatedAt,
    attempts: 0,
    nextAttemptAt: 0,
    lastError: null,
  })
  afterCommit(() => {
    wake()
    void askForPersistentStorage()
  })
  return id
}

const byAge = (a: OutboxItem, b: OutboxItem) =>
  a.createdAt - b.createdAt || a.id.localeCompare(b.id)

/** Every waiting item, oldest first (createdAt, then id). */
export async function listOutbox(): Promise<OutboxItem[]> {
  const items = await db.outbox.orderBy('createdAt').toArray()
  return items.sort(byAge)
}

/** Whether any item of `draftId` other than `exceptId` still waits (read through the index). */
export async function isDraftWaiting(draftId: string, exceptId: string): Promise<boolean> {
  const ids = await db.outbox.where('draftId').equals(draftId).primaryKeys()
  return ids.some((id) => id !== exceptId)
}

/** "Retry now": every item is due at once, and the flush is woken. */
export async function retryNow(): Promise<void> {
  // Only the rows in backoff are written: those queued offline are due already, and rewriting
  // hundreds of them wakes every live query on the outbox just as the flush starts.
  await db.outbox.filter((item) => item.nextAttemptAt > 0).modify({ nextAttemptAt: 0 })
  wake()
}

/** Persists a failed attempt: the count, when to try again (epoch ms) and why. */
export async function recordFailure(id: string, nextAttemptAt: number, error: string) {
  await db.outbox
    .where('id')
    .equals(id)
    .modify((item) => {
      item.attempts += 1
      item.nextAttemptAt = nextAttemptAt
      item.lastError = error
    })
}

async function settleOneSent(item: OutboxItem, responseBody: unknown): Promise<boolean> {
  if (!(await db.outbox.get(item.id))) return false
  for (const handler of handlers) await handler.sent?.(item, responseBody)
  // A draft sent again clears its notice; a photo that follows it does not.
  if (item.after === null) await clearDraftRefusals(item.draftId)
  await db.outbox.delete(item.id)
  return true
}

/** Removes a sent item and runs the `sent` handlers; false if another tab settled it first. */
export function settleSent(item: OutboxItem, responseBody: unknown): Promise<boolean> {
  return db.transaction('rw', db.tables, async () => await settleOneSent(item, responseBody))
}

/**
 * settleSent for several answers in one transaction (one commit, one wake-up of every live
 * query watching the outbox, instead of one each): true for each item settled here. The answers
 * of different drafts settle side by side, so the transaction waits on IndexedDB a few times
 * rather than a few times per item; those of one draft go in order, each leaving before the next
 * one's handlers look at what of the draft still waits.
 */
export function settleSentBatch(
  answers: readonly { item: OutboxItem; responseBody: unknown }[],
): Promise<boolean[]> {
  return db.transaction('rw', db.tables, async () => {
    const present = await db.outbox.bulkGet(answers.map(({ item }) => item.id))
    const byDraft = new Map<string, { item: OutboxItem; responseBody: unknown }[]>()
    answers.forEach((answer, i) => {
      if (present[i] === undefined) return
      const key = answer.item.draftId ?? answer.item.id
      byDraft.set(key, [...(byDraft.get(key) ?? []), answer])
    })
    await Promise.all(
      [...byDraft.values()].map(async (inOrder) => {
        for (const { item, responseBody } of inOrder) {
          for (const handler of handlers) await handler.sent?.(item, responseBody)
          await db.outbox.delete(item.id)
        }
      }),
    )
    // A draft sent again clears its notice; a photo that follows it does not.
    const settled = answers.filter((_, i) => present[i] !== undefined)
    await clearRefusalsOf(
      settled.filter(({ item }) => item.after === null).map(({ item }) => item.draftId),
    )
    return present.map((row) => row !== undefined)
  })
}

function withDependents(items: OutboxItem[], refusedId: string): OutboxItem[] {
  const removed = new Set([refusedId])
  const chain: OutboxItem[] = []
  for (let grew = true; grew;) {
    grew = false
    for (const item of items) {
      if (!removed.has(item.id) && item.after !== null && removed.has(item.after)) {
        removed.add(item.id)
        chain.push(item)
        grew = true
      }
    }
  }
  return chain
}

/**
 * Removes a refused item and every item that waits on it, and runs the `refused` handlers for
 * each (the refused one first). Returns how many left, 0 if another tab settled it first.
 */
export function settleRefused(item: OutboxItem, problem: ApiProblem): Promise<number> {
  return db.transaction('rw', db.tables, async () => {
    if (!(await db.outbox.get(item.id))) return 0
    const doomed = [item, ...withDependents(await db.outbox.toArray(), item.id)]
    for (const each of doomed) {
      for (const handler of handlers) await handler.refused?.(each, problem)
    }
    await recordRefusal(item, problem, Date.now())
    await db.outbox.bulkDelete(doomed.map((each) => each.id))
    return doomed.length
  })
}
