// The statistics of DOMAIN.md "Use of results": the tickets `staff` may read (an office its
// division; the region office and the admin everything), as facts the domain's rates are
// computed from, grouped and labelled.
import type { Kysely } from 'kysely'
import type { Statistics, StatisticsQuery } from '../contract.js'
import type { HolidayCalendar } from '../domain/holidays.js'
import type { TicketFacts } from '../domain/statistics.js'
import { computeStatistics } from '../domain/statistics.js'
import { groupLabelOf } from '../domain/statistics-labels.js'
import { cityDivisions, periodOf } from '../domain/statistics-period.js'
import type { TopicDuty } from '../domain/topics.js'
import { topicOf } from '../domain/topics.js'
import { countWorkingDays } from '../domain/working-days.js'
import type { Database } from '../storage/database.js'
import type { StatisticsRow } from '../storage/statistics.js'
import { listStatisticsRows, listTopicDuties } from '../storage/statistics.js'
import { unitNames } from '../storage/units.js'
import { invalidFields } from './admin-problems.js'
import { loadCalendar } from './calendar.js'
import type { StaffMember } from './staff-scope.js'
import { statisticsCitiesFor, ticketScope } from './staff-scope.js'

const date = (text: string | null) => (text === null ? null : new Date(text))

function toFacts(row: StatisticsRow, calendar: HolidayCalendar, duties: TopicDuty[]): TicketFacts {
  const createdAt = new Date(row.created_at)
  const closedAt = row.status === 'closed' ? date(row.closed_at) : null
  return {
    category: row.category,
    divisionCode: row.division_code,
    leadUnitId: row.lead_unit_id,
    status: row.status,
    createdAt,
    acceptedAt: date(row.accepted_at),
    repliedAt: date(row.replied_at),
    acceptanceResult: row.acceptance_result,
    handlingResult: row.handling_result,
    rating:
      row.rating_satisfaction === null
        ? null
        : { resolved: row.rating_resolved, satisfaction: row.rating_satisfaction },
    workingDaysToClose: closedAt === null ? null : countWorkingDays(createdAt, closedAt, calendar),
    topic: topicOf(row, duties),
    channel: row.channel,
  }
}

/** The rates `staff` may read, grouped and filtered as the query asks. */
export async function loadStatistics(
  db: Kysely<Database>,
  staff: StaffMember,
  query: StatisticsQuery,
): Promise<Statistics> {
  if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
    throw invalidFields([{ field: 'to', code: 'invalid_range' }])
  }
  const divisionCodes = query.city === undefined ? undefined : cityDivisions(query.city)
  if (divisionCodes === null) throw invalidFields([{ field: 'city', code: 'invalid_city' }])
  const cities = statisticsCitiesFor(staff)
  if (query.city !== undefined && cities !== null && !cities.includes(query.city)) {
    throw invalidFields([{ field: 'city', code: 'out_of_scope' }])
  }
  const rows = await listStatisticsRows(db, {
    ...(staff.role === 'admin' ? {} : { scope: ticketScope(staff) }),
    ...periodOf(query),
    ...(query.category === undefined ? {} : { category: query.category }),
    ...(divisionCodes === undefined ? {} : { divisionCodes }),
    ...(query.channel === undefined ? {} : { channel: query.channel }),
  })
  const [calendar, duties] = await Promise.all([loadCalendar(db), listTopicDuties(db)])
  const computed = computeStatistics(
    rows.map((row) => toFacts(row, calendar, duties)),
    { groupBy: query.groupBy, countBasicAsSatisfied: query.countBasicAsSatisfied },
  )
  const names =
    query.groupBy === 'unit'
      ? await unitNames(
          db,
          computed.groups.map((group) => group.key),
        )
      : new Map<string, string>()
  return {
    groupBy: query.groupBy,
    from: query.from ?? null,
    to: query.to ?? null,
    countBasicAsSatisfied: query.countBasicAsSatisfied,
    groups: computed.groups.map((group) => ({
      ...group,
      label: groupLabelOf(query.groupBy, group.key, names),
    })),
    total: computed.total,
  }
}
