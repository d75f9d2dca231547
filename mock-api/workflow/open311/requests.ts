/**
 * Open311 service requests as use cases on our tickets. A POST goes through the very report path
 * of the app (submitReport: one ticket per id, the same id and body again is the same ticket);
 * the id is the client's `X-Idempotency-Key` when it sends one. Without one every POST is a new
 * ticket, so a retry after a lost answer makes a second one. Reads see only the owner's tickets.
 * Fields at fault are a Refused('invalid_fields') naming the Open311 field, which the door's error
 * handler (routes/open311/open311-errors.ts) answers in GeoReport's form, as a 400; the route
 * words the receipt's notice.
 */
import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Category, TicketStatus } from '../../contract.js'
import { chinaDateOf } from '../../domain/china-time.js'
import type { Database } from '../../storage/database.js'
import {
  latestOwnerNotes,
  ownerTicketsByNumber,
  searchOwnerTickets,
} from '../../storage/owner-ticket-search.js'
import type { TicketRow } from '../../storage/tickets.js'
import { unitNames } from '../../storage/units.js'
import type { Reporter, SubmissionDeps } from '../report-submission.js'
import { submitReport } from '../report-submission.js'
import { Refused } from '../refused.js'
import type { Open311Request } from '../../contract/open311.js'
import type { FieldRefusal, Form } from './report-form.js'
import { readReportForm } from './report-form.js'
import { ticketStatusesOf, toOpen311Request } from './request-view.js'

type Db = Kysely<Database>

/** The specification's default and largest window, and its largest answer. */
const WINDOW_MS = 90 * 24 * 3_600_000
const LIST_LIMIT = 1000

/** The receipt of a request: its number and code, and the day it is to be accepted by. */
export type Open311Receipt = {
  number: string
  code: string
  /** The China date by whose end the desk accepts it; null once that no longer applies. */
  acceptBy: string | null
}

export type CreatedRequest = { isNew: boolean; receipt: Open311Receipt }

/** Fields at fault, named as the Open311 client sent them; the door answers 400. */
const invalidFields = (refusals: readonly FieldRefusal[]) => new Refused('invalid_fields', refusals)

export async function createOpen311Request(
  deps: SubmissionDeps,
  reporter: Reporter,
  form: Form,
  idempotencyKey: string | null,
): Promise<CreatedRequest> {
  const read = readReportForm(form, idempotencyKey ?? randomUUID())
  if (!read.ok) throw invalidFields(read.refusals)
  const submission = await submitReport(deps, reporter, read.input)
  const { number, verification_code: code, due_at: dueAt, due_step: step } = submission.ticket
  // A replay may find the ticket already accepted: the deadline is told only while it applies.
  const acceptBy =
    dueAt === null || step !== 'acceptance' ? null : chinaDateOf(new Date(Date.parse(dueAt) - 1))
  return { isNew: submission.isNew, receipt: { number, code, acceptBy } }
}

async function toRequests(db: Db, rows: readonly TicketRow[]): Promise<Open311Request[]> {
  const leadIds = [...new Set(rows.flatMap((row) => row.lead_unit_id ?? []))]
  const [notes, units] = await Promise.all([
    latestOwnerNotes(
      db,
      rows.map((row) => row.id),
    ),
    unitNames(db, leadIds),
  ])
  return rows.map((row) =>
    toOpen311Request(row, {
      latestNote: notes.get(row.id) ?? null,
      leadUnitName: row.lead_unit_id === null ? null : (units.get(row.lead_unit_id) ?? null),
    }),
  )
}

/** One of the owner's requests by its number; null for a missing one and another owner's alike. */
export async function findOpen311Request(
  db: Db,
  ownerId: string,
  number: string,
): Promise<Open311Request | null> {
  const rows = await ownerTicketsByNumber(db, ownerId, [number.trim().toUpperCase()])
  const [request] = await toRequests(db, rows)
  return request ?? null
}

export type RequestSearch = {
  numbers?: readonly string[]
  serviceCodes?: readonly Category[]
  start?: Date
  end?: Date
  statuses?: readonly ('open' | 'closed')[]
}

/**
 * The owner's requests: those named by number (which overrides everything else, as the
 * specification says), or those reported in a window of at most 90 days (the last 90 days by
 * default), oldest first, at most 1000.
 */
export async function searchOpen311Requests(
  db: Db,
  ownerId: string,
  search: RequestSearch,
  now: Date,
): Promise<Open311Request[]> {
  if (search.numbers) {
    const numbers = search.numbers.map((n) => n.trim().toUpperCase())
    return toRequests(db, await ownerTicketsByNumber(db, ownerId, numbers))
  }
  const end = search.end ?? (search.start ? new Date(search.start.getTime() + WINDOW_MS) : now)
  const start = search.start ?? new Date(end.getTime() - WINDOW_MS)
  if (end < start) throw invalidFields([{ field: 'end_date', code: 'before_start' }])
  if (end.getTime() - start.getTime() > WINDOW_MS) {
    throw invalidFields([{ field: 'end_date', code: 'window_too_long' }])
  }
  const statuses: TicketStatus[] | null = search.statuses
    ? search.statuses.flatMap(ticketStatusesOf)
    : null
  const rows = await searchOwnerTickets(db, ownerId, {
    from: start.toISOString(),
    to: end.toISOString(),
    categories: search.serviceCodes ?? null,
    statuses,
    limit: LIST_LIMIT,
  })
  return toRequests(db, rows)
}
