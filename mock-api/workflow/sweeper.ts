/**
 * The system job (DOMAIN.md): closes replied tickets whose 3-working-day rating window ran out
 * with no rating, as rating "none" through the workflow (never defaulted to satisfied), and
 * announces each passing due once as an `overdue` change event, so the office board and the
 * owner's live view refresh. Overdue is a flag, not a state: no history entry, no status change;
 * the ticket's due reads as overdue from then on. Reminds owners one working day before their
 * rating window closes (rating-reminders.ts). Each ticket is handled in its own transaction,
 * so one refusal (the owner rated meanwhile) does not hold up the rest. Also tidies expired
 * sessions and old rate-limit windows.
 */
import type { AppDeps } from '../deps/app-deps.js'
import {
  insertOverdueFlag,
  listRatingWindowsRunOut,
  listUnflaggedOverdue,
} from '../storage/overdue-flags.js'
import { forgetWindowsBefore } from '../storage/rate-limits.js'
import { deleteExpiredSessions } from '../storage/staff-sessions.js'
import { insertTicketEvent } from '../storage/tickets.js'
import { loadCalendar } from './calendar.js'
import { remindRatingWindows } from './rating-reminders.js'
import { applyTicketEvent } from './ticket-workflow.js'
import { Refused } from './refused.js'

export type SweepDeps = Pick<AppDeps, 'db' | 'clock'>
export type SweepResult = { closed: number; flagged: number }

export const SWEEP_EVERY_MS = 60_000
const BATCH = 200
const DAY_MS = 86_400_000
const SYSTEM = { role: 'system', id: null } as const

export async function sweep(deps: SweepDeps): Promise<SweepResult> {
  const db = deps.db.db
  const now = deps.clock.now()
  const context = { now, calendar: await loadCalendar(db) }
  let closed = 0
  for (const ticket of await listRatingWindowsRunOut(db, now, BATCH)) {
    try {
      await db
        .transaction()
        .execute((trx) => applyTicketEvent(trx, context, ticket.id, { type: 'auto_close' }, SYSTEM))
      closed++
    } catch (error) {
      // Refused or overtaken by a rating in the meantime: nothing was written; the next sweep sees.
      if (!(error instanceof Refused)) throw error
    }
  }
  let flagged = 0
  for (const ticket of await listUnflaggedOverdue(db, now, BATCH)) {
    const { due_at: dueAt, due_step: step } = ticket
    if (dueAt === null || step === null) continue
    const isNew = await db.transaction().execute(async (trx) => {
      const inserted = await insertOverdueFlag(trx, { ticketId: ticket.id, dueAt, step, at: now })
      if (inserted) {
        await insertTicketEvent(trx, {
          ticket_id: ticket.id,
          owner_id: ticket.owner_id,
          desk_division_code: ticket.desk_division_code,
          type: 'overdue',
          status: ticket.status,
          at: now.toISOString(),
        })
      }
      return inserted
    })
    if (isNew) flagged++
  }
  await remindRatingWindows(db, now, context.calendar)
  await deleteExpiredSessions(db, now)
  await forgetWindowsBefore(db, new Date(now.getTime() - DAY_MS))
  return { closed, flagged }
}

/**
 * Runs `sweep` every `everyMs` (never two at once) until the returned stop function is called.
 * The timer is unref'd, so it never keeps the process alive on its own.
 */
export function startSweeps(
  deps: SweepDeps,
  options: { everyMs?: number; onError: (error: unknown) => void },
): () => void {
  let running: Promise<unknown> | null = null
  const tick = () => {
    if (running) return
    running = sweep(deps)
      .catch(options.onError)
      .finally(() => (running = null))
  }
  const timer = setInterval(tick, options.everyMs ?? SWEEP_EVERY_MS)
  timer.unref()
  return () => clearInterval(timer)
}
