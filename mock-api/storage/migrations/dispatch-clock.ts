// DOMAIN.md (wave 2): no open ticket without a clock, and termination only after a unit handled
// the ticket. Adds `signed_at` (when a unit first signed for the ticket), filled from the history,
// and starts the new 1-working-day dispatch clock (分办) on accepted tickets that were left
// without one, counted from when they last became accepted (accepted, or returned as mis-routed).
import type { Kysely } from 'kysely'
import { dueFor } from '../../domain/deadlines.js'
import { createHolidayCalendar } from '../../domain/holidays.js'
import type { Database } from '../database.js'

export async function up(untyped: Kysely<unknown>): Promise<void> {
  await untyped.schema.alterTable('tickets').addColumn('signed_at', 'text').execute()
  const db = untyped as unknown as Kysely<Database>
  const signs = await db
    .selectFrom('ticket_history')
    .select(['ticket_id', (eb) => eb.fn.min('at').as('at')])
    .where('type', '=', 'sign')
    .groupBy('ticket_id')
    .execute()
  for (const sign of signs) {
    await db
      .updateTable('tickets')
      .set({ signed_at: String(sign.at) })
      .where('id', '=', sign.ticket_id)
      .execute()
  }

  const waiting = await db
    .selectFrom('tickets')
    .select(['id', 'category'])
    .where('status', '=', 'accepted')
    .where('due_step', 'is', null)
    .execute()
  if (waiting.length === 0) return
  const [overrides, years] = await Promise.all([
    db.selectFrom('calendar_overrides').select(['date', 'kind']).execute(),
    db.selectFrom('calendar_years').select('year').execute(),
  ])
  const calendar = createHolidayCalendar({
    overrides,
    completeYears: years.map((row) => Number(row.year)),
  })
  for (const ticket of waiting) {
    const since = await db
      .selectFrom('ticket_history')
      .select((eb) => eb.fn.max('at').as('at'))
      .where('ticket_id', '=', ticket.id)
      .where('to_status', '=', 'accepted')
      .executeTakeFirst()
    if (!since?.at) continue
    const startedAt = new Date(String(since.at))
    const due = dueFor('dispatch', ticket.category, startedAt, calendar)
    await db
      .updateTable('tickets')
      .set({
        due_step: 'dispatch',
        due_at: due.at.toISOString(),
        due_provisional: due.provisional ? 1 : 0,
        due_started_at: startedAt.toISOString(),
      })
      .where('id', '=', ticket.id)
      .execute()
  }
}
