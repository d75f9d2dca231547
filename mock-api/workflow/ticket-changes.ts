// What one accepted transition writes to the ticket row: the machine's fields, the clock effect
// dated with the calendar, and the timestamps of the lifecycle's milestones.
import type { DueStep } from '../contract.js'
import { dueFor, extendTo } from '../domain/deadlines.js'
import type { StepDue } from '../domain/deadlines.js'
import { isTerminal } from '../domain/ticket-machine.js'
import type { HistoryDraft, Transition } from '../domain/ticket-machine.js'
import type { ClockEffect } from '../domain/transitions.js'
import type { StepResult } from '../storage/tables-tickets.js'
import type { TicketChanges, TicketRow } from '../storage/tickets.js'
import type { CalendarContext } from './machine-ticket.js'
import { hasContactSinceDispatch, storedDue } from './machine-ticket.js'
import { extensionRefusal, noDueRefusal } from './refusal-problems.js'

const NO_DUE: TicketChanges = {
  due_step: null,
  due_at: null,
  due_provisional: 0,
  due_started_at: null,
}

export function dueColumns(due: StepDue, startedAt: Date): TicketChanges {
  return {
    due_step: due.step,
    due_at: due.at.toISOString(),
    due_provisional: due.provisional ? 1 : 0,
    due_started_at: startedAt.toISOString(),
  }
}

// Only acceptance and handling have a result column; other steps are not reported on.
function resultColumns(row: TicketRow, step: DueStep, now: Date): TicketChanges {
  const due = storedDue(row)
  if (!due || due.step !== step) return {}
  const result: StepResult = now.getTime() < due.at.getTime() ? 'on_time' : 'late'
  if (step === 'acceptance') return { acceptance_result: result }
  if (step === 'handling') return { handling_result: result }
  return {}
}

function extendedDue(row: TicketRow, entry: HistoryDraft, context: CalendarContext): TicketChanges {
  const current = storedDue(row)
  if (!current) throw noDueRefusal()
  const until = entry.data.until
  const extended = extendTo(typeof until === 'string' ? until : '', current, context.calendar)
  if (!extended.ok) throw extensionRefusal(extended.reason)
  return {
    due_at: extended.due.at.toISOString(),
    due_provisional: extended.due.provisional ? 1 : 0,
  }
}

function clockColumns(
  row: TicketRow,
  clock: ClockEffect,
  entry: HistoryDraft,
  context: CalendarContext,
): TicketChanges {
  const { now, calendar } = context
  switch (clock.kind) {
    case 'keep':
      return {}
    case 'start':
      return {
        ...(clock.record ? resultColumns(row, clock.record, now) : {}),
        ...dueColumns(dueFor(clock.step, row.category, now, calendar), now),
      }
    case 'stop':
      return { ...(clock.record ? resultColumns(row, clock.record, now) : {}), ...NO_DUE }
    case 'record':
      return resultColumns(row, clock.step, now)
    case 'extend':
      return extendedDue(row, entry, context)
  }
}

const contactTime = (entry: HistoryDraft, at: string): string =>
  typeof entry.data.at === 'string' ? new Date(entry.data.at).toISOString() : at

function milestoneColumns(row: TicketRow, transition: Transition, at: string): TicketChanges {
  const { entry } = transition
  switch (entry.type) {
    case 'accept':
      return { accepted_at: at }
    case 'dispatch':
    case 'designate_lead':
      return { dispatched_at: at }
    case 'answer':
    case 'approve_reply':
      return { replied_at: at, reply: entry.note }
    case 'contact':
      // The first contact of the current lead unit, at the time the unit says it happened.
      return hasContactSinceDispatch(row) ? {} : { first_contact_at: contactTime(entry, at) }
    case 'sign':
      return row.signed_at === null ? { signed_at: at } : {}
    case 'urge':
      return { last_urged_at: at }
    default:
      return isTerminal(entry.to) ? { closed_at: at } : {}
  }
}

export function changesFor(
  row: TicketRow,
  transition: Transition,
  context: CalendarContext,
): TicketChanges {
  const { ticket, entry, clock } = transition
  const at = context.now.toISOString()
  return {
    status: ticket.status,
    desk_division_code: ticket.deskDivisionCode,
    lead_unit_id: ticket.leadUnitId,
    coordination_via: ticket.coordinationVia,
    is_supervised: ticket.isSupervised ? 1 : 0,
    requested_until: ticket.requestedUntil,
    pending_reply: ticket.pendingReply,
    rehandle_count: ticket.rehandleCount,
    updated_at: at,
    ...clockColumns(row, clock, entry, context),
    ...milestoneColumns(row, transition, at),
  }
}
