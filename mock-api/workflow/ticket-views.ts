/**
 * What owners and receipt holders read. The owner sees their own report (business, contact), the
 * history without internal notes or staff ids, the approved reply, attachments and what they may
 * do now. A receipt holder (number + code, no account) sees the progress and the public notes,
 * never who reported or how to reach them. Due flags depend on `now`, so they are derived here.
 */
import type { Kysely } from 'kysely'
import type { HistoryEntry, Receipt, Ticket, TicketSummary } from '../contract.js'
import { toChinaIso } from '../domain/china-time.js'
import { toDueJson } from '../domain/deadlines.js'
import type { HolidayCalendar } from '../domain/holidays.js'
import type { MachineTicket } from '../domain/ticket-machine.js'
import { allowedEvents } from '../domain/ticket-machine.js'
import { listAttachments } from '../storage/attachments.js'
import type { Database } from '../storage/database.js'
import { findServicePoint } from '../storage/service-points.js'
import type { HistoryRow, RatingColumns, RatingRow, TicketRow } from '../storage/tickets.js'
import { activeUnits, historyOf, ratingOfRound } from '../storage/tickets.js'
import { toAttachmentJson } from './attachment-json.js'
import { isOwnerVisible, replyApprovedAt } from './owner-attachments.js'
import { eventFacts, storedDue, toMachineTicket, urgeAvailableAt } from './machine-ticket.js'

export type ViewContext = { now: Date; calendar: HolidayCalendar }

type Db = Kysely<Database>

const iso = (instant: string) => toChinaIso(new Date(instant))

const dueOf = (row: TicketRow, context: ViewContext) => {
  const due = storedDue(row)
  return due ? toDueJson(due, context.now, context.calendar) : null
}

const ratingOf = (rating: Pick<RatingRow, 'resolved' | 'satisfaction' | 'reason'> | undefined) =>
  rating
    ? { resolved: rating.resolved, satisfaction: rating.satisfaction, reason: rating.reason }
    : null

/** Unit names by id, and the unit of each staff member who acted for a unit. */
export type HistoryUnits = {
  names: ReadonlyMap<string, string>
  ofStaff: ReadonlyMap<string, string>
}

const NO_UNITS: HistoryUnits = { names: new Map(), ofStaff: new Map() }

const leadUnitOf = (entry: HistoryRow): string | null => {
  const data: unknown = JSON.parse(entry.data)
  const id: unknown =
    typeof data === 'object' && data !== null ? Reflect.get(data, 'leadUnitId') : null
  return typeof id === 'string' ? id : null
}

/** The unit a step names, for the owner's timeline ("分派至 南宁市市场监督管理局"). */
function unitIdOf(entry: HistoryRow, units: HistoryUnits): string | null {
  if (entry.role === 'unit' && entry.actor_id) return units.ofStaff.get(entry.actor_id) ?? null
  return leadUnitOf(entry)
}

/** Reads the names of the units the history names: dispatched to, or acting. */
export async function loadHistoryUnits(db: Db, rows: readonly HistoryRow[]): Promise<HistoryUnits> {
  const staffIds = [
    ...new Set(rows.filter((r) => r.role === 'unit' && r.actor_id).map((r) => r.actor_id ?? '')),
  ]
  const staff = staffIds.length
    ? await db.selectFrom('staff').select(['id', 'unit_id']).where('id', 'in', staffIds).execute()
    : []
  const ofStaff = new Map(staff.flatMap((s) => (s.unit_id ? [[s.id, s.unit_id] as const] : [])))
  const unitIds = [...new Set([...rows.map(leadUnitOf), ...ofStaff.values()])].filter(
    (id): id is string => id !== null,
  )
  const units = unitIds.length
    ? await db.selectFrom('units').select(['id', 'name']).where('id', 'in', unitIds).execute()
    : []
  return { names: new Map(units.map((u) => [u.id, u.name])), ofStaff }
}

const publicHistory = (
  rows: readonly HistoryRow[],
  units: HistoryUnits = NO_UNITS,
): HistoryEntry[] =>
  rows.map((entry) => {
    const unitId = unitIdOf(entry, units)
    const unit = unitId ? units.names.get(unitId) : undefined
    return {
      at: iso(entry.at),
      type: entry.type,
      from: entry.from_status,
      to: entry.to_status,
      role: entry.role,
      note: entry.note,
      ...(unit ? { unit } : {}),
    }
  })

/** What every view of a ticket starts with: which ticket, where it stands, what it is about. */
const ticketHeading = (row: TicketRow) => ({
  id: row.id,
  number: row.number,
  code: row.verification_code,
  status: row.status,
  category: row.category,
  title: row.title,
  createdAt: iso(row.created_at),
  divisionCode: row.division_code,
})

export function toTicketSummary(
  row: TicketRow & RatingColumns,
  context: ViewContext,
): TicketSummary {
  const { rating_resolved: resolved, rating_satisfaction: satisfaction, rating_reason } = row
  return {
    ...ticketHeading(row),
    due: dueOf(row, context),
    rating: satisfaction === null ? null : { resolved, satisfaction, reason: rating_reason },
  }
}

/** What an owner's view of a ticket is made of besides the row itself. */
export type OwnerTicketParts = {
  units: Awaited<ReturnType<typeof activeUnits>>
  rating: RatingRow | undefined
  history: HistoryRow[]
  attachments: Awaited<ReturnType<typeof listAttachments>>
  point: { id: string; name: string } | undefined
  historyUnits?: HistoryUnits
}

/** The owner's full view of one of their tickets. */
export async function loadOwnerTicket(
  db: Db,
  row: TicketRow,
  context: ViewContext,
): Promise<Ticket> {
  return ownerTicketView(row, await loadOwnerTicketParts(db, row), context)
}

/** Everything besides the row that the owner's view needs (the clock is applied later). */
export async function loadOwnerTicketParts(db: Db, row: TicketRow): Promise<OwnerTicketParts> {
  const [units, rating, history, attachments, point] = await Promise.all([
    activeUnits(db, row.id),
    ratingOfRound(db, row.id, row.rehandle_count),
    historyOf(db, row.id),
    listAttachments(db, row.id),
    row.service_point_id === null ? undefined : findServicePoint(db, row.service_point_id),
  ])
  return {
    units,
    rating,
    history,
    attachments,
    point,
    historyUnits: await loadHistoryUnits(db, history),
  }
}

/**
 * The owner's view of a ticket their report has just created, from what was written: nothing can
 * be attached to it yet (no units, rating or attachments), and its history is the submit entry.
 */
export function newOwnerTicket(
  row: TicketRow,
  history: HistoryRow[],
  point: { id: string; name: string } | null,
  context: ViewContext,
): Ticket {
  const parts = {
    units: [],
    rating: undefined,
    history,
    attachments: [],
    point: point ?? undefined,
  }
  return ownerTicketView(row, parts, context)
}

/** The owner's view at `context.now`: due flags and what they may do depend on the time. */
export function ownerTicketView(
  row: TicketRow,
  parts: OwnerTicketParts,
  context: ViewContext,
): Ticket {
  return ownerTicketAt(ownerTicketBase(row, parts), context)
}

/** The part of the owner's view that does not depend on the clock, and what the rest is made from. */
export type OwnerTicketBase = {
  row: TicketRow
  machine: MachineTicket
  view: Omit<Ticket, 'due' | 'actions' | 'urgeAvailableAt'>
}

/** Everything of the owner's view that stays the same until the ticket changes. */
export function ownerTicketBase(row: TicketRow, parts: OwnerTicketParts): OwnerTicketBase {
  const { units, rating, history, attachments, point, historyUnits } = parts
  const approvedAt = replyApprovedAt(history)
  return {
    row,
    machine: toMachineTicket(row, units, rating),
    view: {
      ...ticketHeading(row),
      rating: ratingOf(rating),
      history: publicHistory(history, historyUnits),
      description: row.description,
      confidential: row.confidential === 1,
      business: {
        name: row.business_name,
        creditCode: row.business_credit_code,
        kind: row.business_kind,
      },
      contact: { name: row.contact_name, phone: row.contact_phone },
      servicePoint: point ? { id: point.id, name: point.name } : null,
      reply: row.reply,
      attachments: attachments
        .filter((attachment) => isOwnerVisible(attachment, approvedAt))
        .map(toAttachmentJson),
      channel: row.channel,
    },
  }
}

/** The base completed at `context.now`: the due and its flags, and what the owner may do. */
export function ownerTicketAt(base: OwnerTicketBase, context: ViewContext): Ticket {
  const { row, machine, view } = base
  const allowed = new Set(allowedEvents(machine, { role: 'owner' }, eventFacts(row, context)))
  const availableAt = urgeAvailableAt(row, context.now, context.calendar)
  return {
    ...view,
    due: dueOf(row, context),
    actions: {
      withdraw: allowed.has('withdraw'),
      urge: allowed.has('urge'),
      rate: allowed.has('rate'),
      addMaterial: allowed.has('add_material'),
    },
    urgeAvailableAt: availableAt && iso(availableAt.toISOString()),
  }
}

async function historyWithUnits(db: Db, ticketId: string): Promise<HistoryEntry[]> {
  const rows = await historyOf(db, ticketId)
  return publicHistory(rows, await loadHistoryUnits(db, rows))
}

/** What anyone holding the receipt (number and code) may see. */
export async function loadReceipt(db: Db, row: TicketRow, context: ViewContext): Promise<Receipt> {
  return {
    number: row.number,
    status: row.status,
    category: row.category,
    title: row.title,
    createdAt: iso(row.created_at),
    divisionCode: row.division_code,
    due: dueOf(row, context),
    history: await historyWithUnits(db, row.id),
    reply: row.reply,
  }
}
