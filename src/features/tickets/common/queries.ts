import { queryOptions } from '@tanstack/react-query'
import { ApiProblem, NetworkError, request } from '@/lib/http'
import {
  receiptSchema,
  ticketListSchema,
  ticketSchema,
  type Receipt,
  type Ticket,
  type TicketSummary,
} from '../../../../mock-api/contract'
import { ownerGet } from './owner-api'
import { readCached, writeCached } from './ticket-cache'

/** A server answer, or the last one kept on the phone when the server cannot be reached. */
export type Fetched<T> = { value: T; savedAt: number; isCached: boolean }

export const ticketKeys = {
  all: ['tickets'] as const,
  list: () => ['tickets', 'list'] as const,
  one: (id: string) => ['tickets', 'one', id] as const,
  receipt: (number: string, code: string) => ['tickets', 'receipt', number, code] as const,
}

async function fetchOrCached<T>(
  cacheKey: string,
  path: string,
  parse: (body: unknown) => T,
): Promise<Fetched<T> | null> {
  try {
    const body = await ownerGet(path)
    if (body === null) return null
    const value = parse(body)
    const savedAt = Date.now()
    await writeCached(cacheKey, value, savedAt)
    return { value, savedAt, isCached: false }
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error
    const cached = await readCached(cacheKey, parse)
    if (!cached) throw error
    return { ...cached, isCached: true }
  }
}

const isFinalAnswer = (error: unknown) =>
  error instanceof ApiProblem && error.status >= 400 && error.status < 500 && error.status !== 429

// 'always': offline the query still runs, and answers from the phone's copy.
const shared = {
  networkMode: 'always',
  retry: (failures: number, error: Error) => !isFinalAnswer(error) && failures < 1,
} as const

/** My tickets, null when this phone has never sent a report (it has no device credential). */
export const ticketListQuery = () =>
  queryOptions({
    queryKey: ticketKeys.list(),
    queryFn: (): Promise<Fetched<TicketSummary[]> | null> =>
      fetchOrCached('list', '/tickets', (body) => ticketListSchema.parse(body).tickets),
    ...shared,
  })

export const ticketQuery = (id: string) =>
  queryOptions({
    queryKey: ticketKeys.one(id),
    queryFn: (): Promise<Fetched<Ticket> | null> =>
      fetchOrCached(`one:${id}`, `/tickets/${encodeURIComponent(id)}`, (body) =>
        ticketSchema.parse(body),
      ),
    ...shared,
  })

/** Any ticket by its receipt (number + verification code), with no device credential. */
export const receiptQuery = (number: string, code: string) =>
  queryOptions({
    queryKey: ticketKeys.receipt(number, code),
    queryFn: async (): Promise<Receipt> => {
      const path = `/receipts/${encodeURIComponent(number)}?code=${encodeURIComponent(code)}`
      return receiptSchema.parse((await request({ path })).body)
    },
    retry: (failures, error) => !isFinalAnswer(error) && failures < 2,
  })
