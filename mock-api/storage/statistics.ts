// What the statistics read: each ticket's facts with its current round's rating, and the topics
// of the responsibility list.
import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely'
import type { Category, Channel, TicketStatus } from '../contract.js'
import type { Database } from './database.js'
import type { RatingTable, StepResult } from './tables-tickets.js'

type Db = Kysely<Database>

export type StatisticsFilter = {
  /** Which tickets the reader may count (the staff scope); absent: all. */
  scope?: (eb: ExpressionBuilder<Database, 'tickets'>) => Expression<SqlBool>
  /** Created at or after this instant. */
  from?: Date
  /** Created before this instant. */
  before?: Date
  category?: Category
  divisionCodes?: readonly string[]
  channel?: Channel
}

export type StatisticsRow = {
  category: Category
  title: string
  description: string
  division_code: string
  lead_unit_id: string | null
  status: TicketStatus
  created_at: string
  accepted_at: string | null
  replied_at: string | null
  closed_at: string | null
  acceptance_result: StepResult | null
  handling_result: StepResult | null
  rating_resolved: RatingTable['resolved'] | null
  rating_satisfaction: RatingTable['satisfaction'] | null
  channel: Channel
}

export type TopicDutyRow = { category: Category | null; topic: string; keywords: string[] }

export function listStatisticsRows(db: Db, filter: StatisticsFilter): Promise<StatisticsRow[]> {
  // A ticket re-handled after a dissatisfied rating waits for its new round's rating.
  const currentRating = (eb: ExpressionBuilder<Database, 'tickets'>) =>
    eb
      .selectFrom('ratings')
      .whereRef('ratings.ticket_id', '=', 'tickets.id')
      .whereRef('ratings.round', '=', 'tickets.rehandle_count')
      .orderBy('ratings.rated_at', 'desc')
      .limit(1)
  let query = db
    .selectFrom('tickets')
    .select([
      'tickets.category',
      'tickets.title',
      'tickets.description',
      'tickets.division_code',
      'tickets.lead_unit_id',
      'tickets.status',
      'tickets.created_at',
      'tickets.accepted_at',
      'tickets.replied_at',
      'tickets.closed_at',
      'tickets.acceptance_result',
      'tickets.handling_result',
      'tickets.channel',
    ])
    .select((eb) => [
      currentRating(eb).select('ratings.resolved').as('rating_resolved'),
      currentRating(eb).select('ratings.satisfaction').as('rating_satisfaction'),
    ])
  if (filter.scope) query = query.where(filter.scope)
  if (filter.from) query = query.where('tickets.created_at', '>=', filter.from.toISOString())
  if (filter.before) query = query.where('tickets.created_at', '<', filter.before.toISOString())
  if (filter.category) query = query.where('tickets.category', '=', filter.category)
  if (filter.channel) query = query.where('tickets.channel', '=', filter.channel)
  if (filter.divisionCodes) {
    if (filter.divisionCodes.length === 0) return Promise.resolve([])
    query = query.where('tickets.division_code', 'in', filter.divisionCodes)
  }
  return query.orderBy('tickets.created_at').orderBy('tickets.id').execute()
}

/** Every duty of the responsibility list, retired units' too: old tickets keep their topics. */
export async function listTopicDuties(db: Db): Promise<TopicDutyRow[]> {
  const rows = await db
    .selectFrom('responsibilities')
    .select(['category', 'topic', 'keywords'])
    .orderBy('id')
    .execute()
  return rows.map((row) => ({ ...row, keywords: parseKeywords(row.keywords) }))
}

function parseKeywords(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text)
    return Array.isArray(value) ? value.filter((k): k is string => typeof k === 'string') : []
  } catch {
    return []
  }
}
