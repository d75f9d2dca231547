// GET /api/staff/statistics: the rates of DOMAIN.md "Use of results" for offices (their division;
// the region office and the admin: everything), as JSON or as CSV for Excel. The figures come from
// workflow/statistics.ts; this file parses the query and answers in the format asked.
import type { FastifyPluginCallback, FastifyRequest } from 'fastify'
import type { AppDeps } from '../deps/app-deps.js'
import type { StatisticsQuery } from '../contract.js'
import { statisticsQuerySchema, statisticsSchema } from '../contract.js'
import { requireStaff, staffOf } from '../plugins/staff-auth.js'
import { loadStatistics } from '../workflow/statistics.js'
import type { RouteDoc } from './route-doc.js'
import { GROUP_TITLES, STATISTICS_CSV_COLUMNS, statisticsCsv } from './statistics-csv.js'

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
      const statistics = await loadStatistics(deps.db.db, staffOf(request), query)
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
