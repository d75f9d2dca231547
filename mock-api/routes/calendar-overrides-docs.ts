// OpenAPI descriptions of the holiday calendar routes (calendar-overrides.ts).
import {
  calendarOverrideInputSchema,
  calendarOverrideSchema,
  calendarQuerySchema,
  calendarYearInputSchema,
  calendarYearSchema,
  problemSchema,
} from '../contract.js'
import { CALENDAR_KEEPERS, CALENDAR_READERS, dateParams, yearParams } from './calendar-overrides.js'
import type { RouteDoc } from './route-doc.js'

const keepers = { kind: 'staff', roles: CALENDAR_KEEPERS } as const
const readers = { kind: 'staff', roles: CALENDAR_READERS } as const
const problem = (description: string) => ({ description, schema: problemSchema })
const guarded = {
  401: problem('Not signed in'),
  403: problem('`not_calendar_keeper`: neither the region office nor the admin'),
}
const packageYear = problem(
  '`package_year`: the holiday package covers this year, so it cannot be marked entered in full',
)
const nationalDay = problem(
  '`national_day`: the date is in the State Council arrangement of the holiday package, which ' +
    'stays as the package has it',
)
const tags = ['calendar']

export const calendarOverridesDocs: RouteDoc[] = [
  {
    method: 'GET',
    path: '/api/staff/calendar',
    summary:
      'A year’s days that differ from a plain Monday–Friday week (package, 壮族三月三 and ' +
      'overrides), and ' +
      'whether the year is covered; the current China year by default',
    tags,
    auth: readers,
    query: calendarQuerySchema,
    responses: {
      200: { description: 'The year, its days by date', schema: calendarYearSchema },
      401: problem('Not signed in'),
      422: problem('`invalid_year`: outside 2000–2099'),
    },
  },
  {
    method: 'PUT',
    path: '/api/staff/calendar/overrides/{date}',
    summary: 'Make a date a holiday or a working day (audited; deadlines computed next use it)',
    tags,
    auth: keepers,
    params: dateParams,
    body: calendarOverrideInputSchema,
    responses: {
      200: { description: 'The override as stored', schema: calendarOverrideSchema },
      ...guarded,
      404: problem('Not a date from 2000 to 2099'),
      409: nationalDay,
      415: problem('The body is not JSON'),
      422: problem('A field is invalid'),
    },
  },
  {
    method: 'DELETE',
    path: '/api/staff/calendar/overrides/{date}',
    summary: 'Remove a date’s override (idempotent; audited when there was one)',
    tags,
    auth: keepers,
    params: dateParams,
    responses: {
      204: { description: 'The date follows the package or Monday–Friday again' },
      ...guarded,
      404: problem('Not a date from 2000 to 2099'),
    },
  },
  {
    method: 'PUT',
    path: '/api/staff/calendar/years/{year}',
    summary: 'Mark a year’s overrides entered in full: its deadlines stop being provisional',
    tags,
    auth: keepers,
    params: yearParams,
    body: calendarYearInputSchema,
    responses: {
      200: { description: 'The year as it is now', schema: calendarYearSchema },
      ...guarded,
      404: problem('Not a year from 2000 to 2099'),
      409: packageYear,
      415: problem('The body is not JSON'),
      422: problem('A field is invalid'),
    },
  },
  {
    method: 'DELETE',
    path: '/api/staff/calendar/years/{year}',
    summary: 'Unmark a year: its deadlines are provisional again (idempotent)',
    tags,
    auth: keepers,
    params: yearParams,
    responses: {
      204: { description: 'The year is not marked complete' },
      ...guarded,
      404: problem('Not a year from 2000 to 2099'),
    },
  },
]
