import { queryOptions } from '@tanstack/react-query'
import type { Channel } from '../../../../mock-api/contract'
import { fetchAdminUnits, fetchCalendarYear, fetchResponsibilities } from './admin-api'
import {
  fetchAccounts,
  fetchMe,
  fetchQueue,
  fetchServicePoints,
  fetchStatistics,
  fetchSuggestedUnits,
  fetchTicket,
  fetchUnits,
  type StatisticsFilter,
} from './api'
import { fetchBusinessHistory, fetchEntityCodes } from './intake-api'

/** Every staff key starts with 'staff', so signing out drops them all at once. */
export const staffKeys = {
  all: ['staff'] as const,
  me: ['staff', 'me'] as const,
  queue: ['staff', 'queue'] as const,
  ticket: (id: string) => ['staff', 'tickets', id] as const,
  units: ['staff', 'units'] as const,
  suggestedUnits: (id: string) => ['staff', 'tickets', id, 'suggested-units'] as const,
  servicePoints: ['staff', 'service-points'] as const,
  adminUnits: ['staff', 'admin', 'units'] as const,
  responsibilities: ['staff', 'admin', 'responsibilities'] as const,
  calendar: (year: number) => ['staff', 'calendar', year] as const,
  accounts: ['staff', 'accounts'] as const,
  statistics: (filter: StatisticsFilter) => ['staff', 'statistics', filter] as const,
  business: (creditCode: string) => ['staff', 'businesses', creditCode] as const,
  entityCodes: ['staff', 'entity-codes'] as const,
}

export const businessHistoryQuery = (creditCode: string) =>
  queryOptions({
    queryKey: staffKeys.business(creditCode),
    queryFn: () => fetchBusinessHistory(creditCode),
    staleTime: 10_000,
  })

export const entityCodesQuery = () =>
  queryOptions({ queryKey: staffKeys.entityCodes, queryFn: fetchEntityCodes })

// A console left open on a desk refreshes its queue on its own; staff should not need F5.
const QUEUE_REFRESH_MS = 30_000

export const meQuery = () =>
  queryOptions({ queryKey: staffKeys.me, queryFn: fetchMe, staleTime: Infinity, retry: false })

export const queueQuery = (channel?: Channel) =>
  queryOptions({
    queryKey: channel === undefined ? staffKeys.queue : [...staffKeys.queue, channel],
    queryFn: () => fetchQueue(channel),
    staleTime: 5_000,
    refetchInterval: QUEUE_REFRESH_MS,
  })

export const ticketQuery = (id: string) =>
  queryOptions({ queryKey: staffKeys.ticket(id), queryFn: () => fetchTicket(id), staleTime: 0 })

export const unitsQuery = () =>
  queryOptions({ queryKey: staffKeys.units, queryFn: fetchUnits, staleTime: 5 * 60_000 })

export const suggestedUnitsQuery = (id: string) =>
  queryOptions({ queryKey: staffKeys.suggestedUnits(id), queryFn: () => fetchSuggestedUnits(id) })

export const servicePointsQuery = () =>
  queryOptions({ queryKey: staffKeys.servicePoints, queryFn: fetchServicePoints })

export const accountsQuery = () =>
  queryOptions({ queryKey: staffKeys.accounts, queryFn: fetchAccounts })

export const adminUnitsQuery = () =>
  queryOptions({ queryKey: staffKeys.adminUnits, queryFn: fetchAdminUnits })

export const responsibilitiesQuery = () =>
  queryOptions({ queryKey: staffKeys.responsibilities, queryFn: fetchResponsibilities })

export const calendarQuery = (year: number) =>
  queryOptions({
    queryKey: staffKeys.calendar(year),
    queryFn: () => fetchCalendarYear(year),
    retry: false,
  })

export const statisticsQuery = (filter: StatisticsFilter) =>
  queryOptions({
    queryKey: staffKeys.statistics(filter),
    queryFn: () => fetchStatistics(filter),
    retry: false,
  })
