/**
 * Open311 service requests as use cases on our tickets. A POST goes through the very report path
 * of the app (submitReport: one ticket per id, the same id and body again is the same ticket);
 * the id is the client's `X-Idempotency-Key` when it sends one. Without one every POST is a new
 * ticket, so a retry after a lost answer makes a second one. Reads see only the owner's tickets.
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
import type { Open311Created, Open311Request } from './open311-wire.js'
import type { FieldRefusal, Form } from './report-form.js'
import { readReportForm } from './report-form.js'
import { ticketStatusesOf, toOpen311Request } from './request-view.js'

type Db = Kysely<Database>

/** The specification's default and largest window, and its largest answer. */
const WINDOW_MS = 90 * 24 * 3_600_000
const LIST_LIMIT = 1000

export type Refused = { ok: false; refusals: FieldRefusal[] }

export type CreatedRequest = { ok: true; isNew: boolean; body: Open311Created }

export async function createOpen311Request(
  deps: SubmissionDeps,
  reporter: Reporter,
  form: Form,
  idempotencyKey: string | null,
): Promise<CreatedRequest | Refused> {
  const read = readReportForm(form, idempotencyKey ?? randomUUID())
  if (!read.ok) return read
  const submission = await submitReport(deps, reporter, read.input)
  const { number, verification_code: code, due_at: dueAt, due_step: step } = submission.ticket
  // A replay may find the ticket already accepted: the deadline is told only while it applies.
  const by =
    dueAt === null || step !== 'acceptance' ? null : chinaDateOf(new Date(Date.parse(dueAt) - 1))
  const notice =
    `已收到。回执编号 ${number}，验证码 ${code}` +
    (by ? `，将于 ${by} 24:00 前受理。` : '。') +
    ` Received: receipt ${number}, code ${code}` +
    (by ? `; to be accepted by ${by} 24:00 China time.` : '.')
  return {
    ok: true,
    isNew: submission.isNew,
    body: [{ service_request_id: number, service_notice: notice }],
  }
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
): Promise<{ ok: true; requests: Open311Request[] } | Refused> {
  if (search.numbers) {
    const numbers = search.numbers.map((n) => n.trim().toUpperCase())
    return {
      ok: true,
      requests: await toRequests(db, await ownerTicketsByNumber(db, ownerId, numbers)),
    }
  }
  const end = search.end ?? (search.start ? new Date(search.start.getTime() + WINDOW_MS) : now)
  const start = search.start ?? new Date(end.getTime() - WINDOW_MS)
  if (end < start) return { ok: false, refusals: [{ field: 'end_date', code: 'before_start' }] }
  if (end.getTime() - start.getTime() > WINDOW_MS) {
    return { ok: false, refusals: [{ field: 'end_date', code: 'window_too_long' }] }
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
  return { ok: true, requests: await toRequests(db, rows) }
}
