// GET /api/staff/statistics: the rates of DOMAIN.md "Use of results" for offices (their division;
// the region office and the admin: everything), as JSON or as CSV for Excel.
import type { FastifyPluginCallback, FastifyRequest } from 'fastify'
import type { AppDeps } from '../deps/app-deps.js'
import type { Statistics, StatisticsQuery } from '../contract.js'
import { statisticsQuerySchema, statisticsSchema } from '../contract.js'
import { countWorkingDays } from '../domain/working-days.js'
import type { HolidayCalendar } from '../domain/holidays.js'
import type { TicketFacts } from '../domain/statistics.js'
import { computeStatistics } from '../domain/statistics.js'
import { groupLabelOf } from '../domain/statistics-labels.js'
import { cityDivisions, periodOf } from '../domain/statistics-period.js'
import type { TopicDuty } from '../domain/topics.js'
import { topicOf } from '../domain/topics.js'
import { problemFor } from '../plugins/problems.js'
import { requireStaff, staffOf } from '../plugins/staff-auth.js'
import type { StatisticsRow } from '../storage/statistics.js'
import { listStatisticsRows, listTopicDuties } from '../storage/statistics.js'
import { unitNames } from '../storage/units.js'
import { loadCalendar } from '../workflow/calendar.js'
import type { StaffMember } from '../workflow/staff-scope.js'
import { statisticsCitiesFor, ticketScope } from '../workflow/staff-scope.js'
import type { RouteDoc } from './route-doc.js'
import { GROUP_TITLES, STATISTICS_CSV_COLUMNS, statisticsCsv } from './statistics-csv.js'

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

async function loadStatistics(
  deps: AppDeps,
  staff: StaffMember,
  query: StatisticsQuery,
): Promise<Statistics> {
  if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
    throw problemFor(422, [{ field: 'to', code: 'invalid_range' }])
  }
  const divisionCodes = query.city === undefined ? undefined : cityDivisions(query.city)
  if (divisionCodes === null) throw problemFor(422, [{ field: 'city', code: 'invalid_city' }])
  const cities = statisticsCitiesFor(staff)
  if (query.city !== undefined && cities !== null && !cities.includes(query.city)) {
    throw problemFor(422, [{ field: 'city', code: 'out_of_scope' }])
  }
  const db = deps.db.db
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

const wantsCsv = (request: FastifyRequest, query: StatisticsQuery) =>
  query.format === 'csv' ||
  (query.format === undefined && /\btext\/csv\b/.test(request.headers.accept ?? ''))

function csvDisposition(query: StatisticsQuery): string {
  const period = [query.from, query.to].filter((m) => m !== undefined).join('_')
  const suffix = period === '' ? '' : `-${period}`
  const readable = encodeURIComponent(`运用统计-${GROUP_TITLES[query.groupBy]}${suffix}.csv`)
  return `attachment; filename="statistics-${query.groupBy}${suffix}.csv"; filename*=UTF-8''${readable}`
}

export const statisticsRoutes: FastifyPluginCallback<AppDeps> = (app, deps, done) => {
  app.get(
    '/staff/statistics',
    { preHandler: requireStaff(deps, ['office', 'admin']) },
    async (request, reply) => {
      const query = statisticsQuerySchema.parse(request.query)
      const statistics = await loadStatistics(deps, staffOf(request), query)
      reply.header('Cache-Control', 'private, no-store').header('Vary', 'Accept')
      if (!wantsCsv(request, query)) return statistics
      return reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', csvDisposition(query))
        .send(statisticsCsv(statistics))
    },
  )
  done()
}

export const statisticsDocs: RouteDoc[] = [
  {
    method: 'GET',
    path: '/api/staff/statistics',
    summary:
      'Rates by category, city, unit or month (an office: its division; the region office and ' +
      'the admin: all). `format=csv` or `Accept: text/csv` answers text/csv (UTF-8 with BOM).',
    tags: ['statistics'],
    auth: { kind: 'staff', roles: ['office', 'admin'] },
    query: statisticsQuerySchema,
    responses: {
      200: {
        description: 'The rates per group and in total (or the same as CSV)',
        schema: statisticsSchema,
        alternatives: { 'text/csv': STATISTICS_CSV_COLUMNS },
      },
      401: { description: 'Not signed in' },
      403: { description: 'Neither office nor admin' },
      422: { description: 'A bad filter: `invalid_month`, `invalid_range`, `invalid_city`…' },
    },
  },
]
