/**
 * The staff console's requests. Staff sign in with an httpOnly session cookie, which same-origin
 * fetch sends by itself; every answer is parsed with the contract's schema, so a drifted API fails
 * loudly here rather than as `undefined` deep in a screen.
 */
import { z } from 'zod'
import {
  attachmentSchema,
  staffAccountSchema,
  staffAccountsSchema,
  staffMeSchema,
  staffQueueSchema,
  staffServicePointSchema,
  staffTicketSchema,
  staffUnitsSchema,
  statisticsSchema,
  suggestedUnitsSchema,
  type Channel,
  type ServicePointInput,
  type StaffAccountChange,
  type StaffAccountInput,
  type StaffEvent,
  type StaffMe,
  type StaffSignIn,
} from '../../../../mock-api/contract'
import { ApiProblem, request } from '@/lib/http'

async function getJson<T>(path: string, schema: z.ZodType<T>): Promise<T> {
  const { body } = await request({ path })
  return schema.parse(body)
}

async function postJson<T>(
  path: string,
  value: unknown,
  schema: z.ZodType<T>,
  headers?: Record<string, string>,
): Promise<T> {
  const { body } = await request({
    method: 'POST',
    path,
    body: { kind: 'json', value },
    ...(headers ? { headers } : {}),
  })
  return schema.parse(body)
}

const ticketPath = (id: string) => `/staff/tickets/${encodeURIComponent(id)}`
const pointPath = (id: string) => `/staff/service-points/${encodeURIComponent(id)}`
const servicePointsSchema = z.object({ servicePoints: z.array(staffServicePointSchema) })

/** Who is signed in, or null when no one is (the API answers 401). */
export async function fetchMe(): Promise<StaffMe | null> {
  try {
    return await getJson('/staff/me', staffMeSchema)
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 401) return null
    throw error
  }
}

export const signIn = (input: StaffSignIn) => postJson('/staff/session', input, staffMeSchema)

export async function signOut(): Promise<void> {
  await request({ method: 'DELETE', path: '/staff/session' })
}

export const fetchQueue = (channel?: Channel) =>
  getJson(channel ? `/staff/queue?channel=${channel}` : '/staff/queue', staffQueueSchema)
export const fetchTicket = (id: string) => getJson(ticketPath(id), staffTicketSchema)

/** A handling unit's photo for its reply; `id` is the client's, so a retry is the same file. */
export async function uploadReplyFile(ticketId: string, id: string, file: Blob) {
  const { body } = await request({
    method: 'POST',
    path: `${ticketPath(ticketId)}/attachments`,
    body: { kind: 'multipart', fields: { id }, files: { file } },
  })
  return attachmentSchema.parse(body)
}
export const fetchUnits = () => getJson('/staff/units', staffUnitsSchema)
export const fetchSuggestedUnits = (id: string) =>
  getJson(`${ticketPath(id)}/suggested-units`, suggestedUnitsSchema)

/** One lifecycle event; the same key sent twice (a double click) gets the first answer. */
export const sendEvent = (id: string, event: StaffEvent, idempotencyKey: string) =>
  postJson(`${ticketPath(id)}/events`, event, staffTicketSchema, {
    'idempotency-key': idempotencyKey,
  })

export const fetchServicePoints = () => getJson('/staff/service-points', servicePointsSchema)
export const createServicePoint = (input: ServicePointInput) =>
  postJson('/staff/service-points', input, staffServicePointSchema)
export const retireServicePoint = (id: string) =>
  postJson(`${pointPath(id)}/retire`, {}, staffServicePointSchema)

const accountPath = (id: string) => `/staff/admin/accounts/${encodeURIComponent(id)}`

export const fetchAccounts = () => getJson('/staff/admin/accounts', staffAccountsSchema)
export const createAccount = (input: StaffAccountInput) =>
  postJson('/staff/admin/accounts', input, staffAccountSchema)

export async function changeAccount(id: string, change: StaffAccountChange) {
  const { body } = await request({
    method: 'PATCH',
    path: accountPath(id),
    body: { kind: 'json', value: change },
  })
  return staffAccountSchema.parse(body)
}

/** Where the printable A4 poster of a live point is (an HTML page the browser prints). */
export const posterUrl = (id: string) => `/api${pointPath(id)}/poster`

export type StatisticsFilter = {
  groupBy: 'category' | 'city' | 'unit' | 'month' | 'channel'
  from?: string
  channel?: string
  to?: string
  category?: string
  city?: string
}

export function statisticsSearch(filter: StatisticsFilter, format?: 'csv'): string {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(filter)) {
    if (typeof value === 'string' && value !== '') params.set(name, value)
  }
  if (format) params.set('format', format)
  return `/staff/statistics?${params.toString()}`
}

export const fetchStatistics = (filter: StatisticsFilter) =>
  getJson(statisticsSearch(filter), statisticsSchema)

/** The CSV export's address: a plain link, so the browser downloads it with the cookie. */
export const statisticsCsvUrl = (filter: StatisticsFilter) =>
  `/api${statisticsSearch(filter, 'csv')}`
