/**
 * The one way a ticket changes: applyTicketEvent loads the row, asks the ticket machine with the
 * calendar facts, dates the clock effect and writes row, units, history, change event and rating
 * on the caller's transaction. A refusal throws a Refused (refused.ts) before anything is written. Writes
 * are guarded by the row's version, so two concurrent events on one ticket cannot both win.
 */
import type { Insertable, Kysely } from 'kysely'
import type { Role } from '../contract.js'
import { dueFor } from '../domain/deadlines.js'
import type { Actor, TicketEvent, Transition } from '../domain/ticket-machine.js'
import { applyEvent } from '../domain/ticket-machine.js'
import type { Database } from '../storage/database.js'
import type { TicketTable } from '../storage/tables-tickets.js'
import type { HistoryRow, TicketRow } from '../storage/tickets.js'
import {
  activeUnits,
  findTicket,
  insertTicket,
  liveUnitIds,
  ratingOfRound,
  updateTicket,
} from '../storage/tickets.js'
import type { CalendarContext } from './machine-ticket.js'
import { eventFacts, toMachineTicket } from './machine-ticket.js'
import { machineRefusal, staleTicketRefusal } from './refusal-problems.js'
import { Refused, refused } from './refused.js'
import { changesFor, dueColumns } from './ticket-changes.js'
import { recordChange, syncUnits, writeRating } from './ticket-records.js'

export type { TicketEvent } from '../domain/ticket-machine.js'
export type { TicketRow } from '../storage/tickets.js'

/** Who raises the event: `id` is the staff id for staff, the owner id for the owner, null for the system. */
export type WorkflowActor = {
  role: Role
  id: string | null
  unitId?: string | null
  /** An office's level (its division code); the machine checks 本级 with it. */
  divisionCode?: string | null
}

/** `now` from deps.clock, `calendar` from loadCalendar; `rehandleCap` defaults to the domain's. */
export type WorkflowContext = CalendarContext

export type ApplyOptions = {
  /** The id of the ratings row a rating event writes (the owner's client id); generated if absent. */
  ratingId?: string
}

type Db = Kysely<Database>

const RATING_SOURCES = { rate: 'owner', record_rating: 'desk', auto_close: 'system' } as const

const toMachineActor = (actor: WorkflowActor): Actor => ({
  role: actor.role,
  unitId: actor.unitId ?? null,
  divisionCode: actor.divisionCode ?? null,
})

async function checkUnitsExist(db: Db, transition: Transition): Promise<void> {
  const { type } = transition.entry
  if (type !== 'dispatch' && type !== 'designate_lead') return
  const { leadUnitId, coUnitIds } = transition.ticket
  const wanted = [...(leadUnitId ? [leadUnitId] : []), ...coUnitIds]
  const live = await liveUnitIds(db, wanted)
  const unknown = wanted.findIndex((id) => !live.has(id))
  if (unknown === -1) return
  const field = unknown === 0 ? 'leadUnitId' : `coUnitIds.${unknown - 1}`
  throw refused('unknown_unit', field)
}

const invalidContactTime = () => refused('invalid_contact_time', 'at')

// A contact (or attempt) the unit dates itself must lie between the dispatch and now.
function checkContactTime(row: TicketRow, transition: Transition, now: Date): void {
  const { type, data } = transition.entry
  if (type !== 'contact' || typeof data.at !== 'string') return
  const at = new Date(data.at).getTime()
  if (Number.isNaN(at) || at > now.getTime()) throw invalidContactTime()
  if (row.dispatched_at !== null && at < new Date(row.dispatched_at).getTime()) {
    throw invalidContactTime()
  }
}

const LAWFULLY_HANDLED = new Set<string>(['replied', 'closed'])

/**
 * A termination names earlier tickets of the same business (by credit code) that were handled
 * lawfully: replied or closed. Anything else is refused before a row is written.
 */
async function checkRelatedTickets(db: Db, row: TicketRow, transition: Transition) {
  const { type, data } = transition.entry
  if (type !== 'terminate') return
  const named: unknown = data.relatedTicketIds
  const ids = Array.isArray(named) ? named.filter((id): id is string => typeof id === 'string') : []
  for (const [index, id] of ids.entries()) {
    const related = id === row.id ? undefined : await findTicket(db, id)
    const isEligible =
      related !== undefined &&
      related.business_credit_code === row.business_credit_code &&
      related.created_at < row.created_at &&
      LAWFULLY_HANDLED.has(related.status)
    if (isEligible) continue
    throw refused('invalid_related_ticket', `relatedTicketIds.${index}`)
  }
}

/**
 * Applies one event (never `submit`: see submitTicket) to the ticket with this id, or to this row
 * as read on the same transaction. Returns the updated row. Throws a Refused: `not_found` when
 * there is no such ticket, the machine's reason when it refuses, `ticket_changed` when another
 * writer changed the row first.
 */
export async function applyTicketEvent(
  trx: Db,
  context: WorkflowContext,
  ticket: string | TicketRow,
  event: TicketEvent,
  actor: WorkflowActor,
  options: ApplyOptions = {},
): Promise<TicketRow> {
  const row = typeof ticket === 'string' ? await findTicket(trx, ticket) : ticket
  if (!row) throw new Refused('not_found')
  const units = await activeUnits(trx, row.id)
  const rating = await ratingOfRound(trx, row.id, row.rehandle_count)
  const machine = toMachineTicket(row, units, rating)
  const transition = applyEvent(machine, event, toMachineActor(actor), eventFacts(row, context))
  if (!transition.ok) throw machineRefusal(transition)
  await checkUnitsExist(trx, transition)
  checkContactTime(row, transition, context.now)
  await checkRelatedTickets(trx, row, transition)

  const at = context.now.toISOString()
  const updated = await updateTicket(trx, row.id, row.version, changesFor(row, transition, context))
  if (!updated) throw staleTicketRefusal()
  await syncUnits(trx, row.id, units, transition.ticket, at)
  await recordChange(trx, updated, transition.entry, actor.id, at)
  const source = RATING_SOURCES[event.type as keyof typeof RATING_SOURCES]
  if (source && transition.ticket.rating) {
    const staffId = source === 'desk' ? actor.id : null
    await writeRating(
      trx,
      updated,
      transition.ticket.rating,
      { source, staffId },
      {
        at,
        ...(options.ratingId ? { id: options.ratingId } : {}),
      },
    )
  }
  return updated
}

/** The columns of a new ticket that the report supplies; the workflow fills in the rest. */
export type NewTicket = Omit<
  Insertable<TicketTable>,
  | 'status'
  | 'desk_division_code'
  | 'due_step'
  | 'due_at'
  | 'due_provisional'
  | 'due_started_at'
  | 'created_at'
  | 'updated_at'
  | 'version'
>

/** The submit event: inserts the ticket at `deskDivisionCode` with its acceptance clock running. */
export async function submitTicket(
  trx: Db,
  context: WorkflowContext,
  ticket: NewTicket,
  deskDivisionCode: string,
  actor: WorkflowActor,
): Promise<TicketRow> {
  return (await submitNewTicket(trx, context, ticket, deskDivisionCode, actor)).ticket
}

/** submitTicket, also giving the new ticket's history as written (its one entry). */
export async function submitNewTicket(
  trx: Db,
  context: WorkflowContext,
  ticket: NewTicket,
  deskDivisionCode: string,
  actor: WorkflowActor,
): Promise<{ ticket: TicketRow; history: HistoryRow[] }> {
  const transition = applyEvent(null, { type: 'submit', deskDivisionCode }, toMachineActor(actor))
  if (!transition.ok) throw machineRefusal(transition)
  if (transition.clock.kind !== 'start') throw new Error('submit must start a clock')
  const { now, calendar } = context
  const at = now.toISOString()
  const row = await insertTicket(trx, {
    ...ticket,
    status: transition.ticket.status,
    desk_division_code: transition.ticket.deskDivisionCode,
    ...dueColumns(dueFor(transition.clock.step, ticket.category, now, calendar), now),
    created_at: at,
    updated_at: at,
  })
  // The history says how the report came in (the owner's history shows it too).
  const entry = { ...transition.entry, data: { ...transition.entry.data, channel: row.channel } }
  // A ticket just inserted has no history yet: its entry is the first.
  const history = await recordChange(trx, row, entry, actor.id, at, 0)
  return { ticket: row, history: [history] }
}
