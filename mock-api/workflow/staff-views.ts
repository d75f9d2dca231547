/**
 * What staff read: queue items and the full ticket. Phones are masked in lists (138****1234); a
 * confidential report hides the owner's identity (contact name and phone, business name and
 * credit code) from units. Due flags and allowed events depend on `now`, so they are derived on
 * every read.
 */
import type { Kysely } from 'kysely'
import type { Due, Role, StaffQueueItem, StaffTicket } from '../contract.js'
import { staffEventSchema } from '../contract.js'
import { toChinaIso } from '../domain/china-time.js'
import { toDueJson } from '../domain/deadlines.js'
import { maskPhone } from '../domain/phone.js'
import type { HolidayCalendar } from '../domain/holidays.js'
import { allowedEvents } from '../domain/ticket-machine.js'
import { listAttachments } from '../storage/attachments.js'
import type { Database } from '../storage/database.js'
import { findServicePoint } from '../storage/service-points.js'
import { staffNames } from '../storage/staff-sessions.js'
import type { HistoryRow, TicketRow } from '../storage/tickets.js'
import { activeUnits, historyOf, ratingOfRound } from '../storage/tickets.js'
import { unitNames } from '../storage/units.js'
import { toAttachmentJson } from './attachment-json.js'
import {
  eventFacts,
  hasContactSinceDispatch,
  storedDue,
  toMachineTicket,
} from './machine-ticket.js'
import type { StaffMember } from './staff-scope.js'
import { hidesOwnerFrom, ticketScope } from './staff-scope.js'

export type ViewContext = { now: Date; calendar: HolidayCalendar }

const STAFF_EVENT_TYPES = new Set<string>(staffEventSchema.options.map((o) => o.shape.type.value))
const STAFF_ROLES = new Set<Role>(['desk', 'unit', 'office', 'admin', 'window', 'workstation'])

/** Keeps the first 3 and last 4 digits: 13800001234 → 138****1234. */
export function dueJsonOf(row: TicketRow, context: ViewContext): Due | null {
  const due = storedDue(row)
  return due ? toDueJson(due, context.now, context.calendar) : null
}

/** Whether the owner urged since the current clock started (DOMAIN.md: an urge flags the office). */
export const isUrgedThisStep = (row: TicketRow): boolean =>
  row.last_urged_at !== null &&
  (row.due_started_at === null || row.last_urged_at >= row.due_started_at)

export function toQueueItem(
  row: TicketRow,
  staff: StaffMember,
  context: ViewContext,
): StaffQueueItem {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    category: row.category,
    title: row.title,
    divisionCode: row.division_code,
    deskDivisionCode: row.desk_division_code,
    createdAt: toChinaIso(new Date(row.created_at)),
    due: dueJsonOf(row, context),
    maskedPhone: hidesOwnerFrom(staff, row) ? null : maskPhone(row.contact_phone),
    isSupervised: Number(row.is_supervised) === 1,
    isUrged: isUrgedThisStep(row),
    confidential: Number(row.confidential) === 1,
    channel: row.channel,
  }
}

const parseData = (text: string): Record<string, unknown> => {
  const value: unknown = JSON.parse(text)
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
}

async function historyView(db: Kysely<Database>, rows: readonly HistoryRow[]) {
  const staffIds = rows.filter((h) => STAFF_ROLES.has(h.role) && h.actor_id).map((h) => h.actor_id)
  const names = await staffNames(
    db,
    [...new Set(staffIds)].filter((id) => id !== null),
  )
  return rows.map((h) => ({
    seq: Number(h.seq),
    at: toChinaIso(new Date(h.at)),
    type: h.type,
    from: h.from_status,
    to: h.to_status,
    role: h.role,
    note: h.note,
    internalNote: h.internal_note,
    actorName: STAFF_ROLES.has(h.role) && h.actor_id ? (names.get(h.actor_id) ?? null) : null,
    data: parseData(h.data),
  }))
}

const RECORD_LIMIT = 20

/**
 * The business's other tickets that `staff` may see, newest first: the desk learns of a terminated
 * matter, the office picks the earlier replied or closed tickets a termination names. Up to
 * RECORD_LIMIT created before this ticket and as many after it: a business that has reported
 * often since must not push out the earlier ones a termination can name. Desks and offices
 * only; a unit works on its own ticket.
 */
async function businessRecordOf(db: Kysely<Database>, staff: StaffMember, row: TicketRow) {
  if (staff.role !== 'desk' && staff.role !== 'office') return null
  const side = (isEarlier: boolean) =>
    db
      .selectFrom('tickets')
      .select(['id', 'number', 'title', 'status', 'created_at'])
      .where('business_credit_code', '=', row.business_credit_code)
      .where('id', '<>', row.id)
      .where('created_at', isEarlier ? '<' : '>=', row.created_at)
      .where(ticketScope(staff))
      .orderBy('created_at', 'desc')
      .limit(RECORD_LIMIT)
      .execute()
  const [later, earlier] = await Promise.all([side(false), side(true)])
  return [...later, ...earlier].map((r) => ({
    id: r.id,
    number: r.number,
    title: r.title,
    status: r.status,
    createdAt: toChinaIso(new Date(r.created_at)),
  }))
}

/** The full ticket as `staff` may see it, with the events they may send now. */
export async function loadStaffTicket(
  db: Kysely<Database>,
  staff: StaffMember,
  row: TicketRow,
  context: ViewContext,
): Promise<StaffTicket> {
  const [units, rating, history, point, attachments, record] = await Promise.all([
    activeUnits(db, row.id),
    ratingOfRound(db, row.id, row.rehandle_count),
    historyOf(db, row.id),
    row.service_point_id === null ? undefined : findServicePoint(db, row.service_point_id),
    listAttachments(db, row.id),
    businessRecordOf(db, staff, row),
  ])
  const names = await unitNames(
    db,
    units.map((unit) => unit.unitId),
  )
  const registrar =
    row.registered_by === null
      ? null
      : (await staffNames(db, [row.registered_by])).get(row.registered_by)
  const machine = toMachineTicket(row, units, rating)
  const actor = { role: staff.role, unitId: staff.unitId, divisionCode: staff.divisionCode }
  const isHidden = hidesOwnerFrom(staff, row)
  const shown = (value: string) => (isHidden ? null : value)
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    category: row.category,
    title: row.title,
    description: row.description,
    createdAt: toChinaIso(new Date(row.created_at)),
    updatedAt: toChinaIso(new Date(row.updated_at)),
    divisionCode: row.division_code,
    deskDivisionCode: row.desk_division_code,
    due: dueJsonOf(row, context),
    history: await historyView(db, history),
    rating: machine.rating,
    units: units.map((unit) => ({ ...unit, name: names.get(unit.unitId) ?? unit.unitId })),
    confidential: Number(row.confidential) === 1,
    identityHidden: isHidden,
    business: {
      name: shown(row.business_name),
      creditCode: shown(row.business_credit_code),
      kind: row.business_kind,
      creditCodeUnverified: Number(row.credit_code_unverified) === 1,
    },
    contact: { name: shown(row.contact_name), phone: shown(row.contact_phone) },
    servicePoint: point ? { id: point.id, name: point.name } : null,
    isSupervised: Number(row.is_supervised) === 1,
    lastUrgedAt: row.last_urged_at === null ? null : toChinaIso(new Date(row.last_urged_at)),
    rehandleCount: Number(row.rehandle_count),
    requestedUntil: row.requested_until,
    pendingReply: row.pending_reply,
    reply: row.reply,
    attachments: attachments.map(toAttachmentJson),
    allowedEvents: allowedEvents(machine, actor, eventFacts(row, context)).filter((type) =>
      STAFF_EVENT_TYPES.has(type),
    ),
    channel: row.channel,
    registeredBy: registrar ?? null,
    handedDown:
      row.handed_down_issuer === null
        ? null
        : { issuer: row.handed_down_issuer, documentNumber: row.handed_down_document ?? '' },
    businessVerified: row.entity_code_id !== null,
    firstContactAt:
      hasContactSinceDispatch(row) && row.first_contact_at !== null
        ? toChinaIso(new Date(row.first_contact_at))
        : null,
    ...(record ? { businessRecord: record } : {}),
  }
}
