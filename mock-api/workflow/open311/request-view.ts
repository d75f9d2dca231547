/**
 * A ticket as an Open311 service request. `status` is open until the ticket reaches a terminal
 * state (closed, not accepted, withdrawn, terminated); our own status travels in `service_notice`.
 * Only what the owner's own view shows is used (public notes, the lead unit's name, the due), and
 * no name of the business or the contact: the view is the same for confidential tickets.
 */
import { TERMINAL_STATUSES } from '../../contract.js'
import type { TicketStatus } from '../../contract.js'
import { toChinaIso } from '../../domain/china-time.js'
import type { TicketRow } from '../../storage/tickets.js'
import { storedDue } from '../machine-ticket.js'
import type { Open311Request } from '../../contract/open311.js'
import { divisionAddress, serviceNameOf } from './service-catalogue.js'

const STATUS_LABELS: Readonly<Record<TicketStatus, string>> = {
  submitted: '待受理',
  accepted: '已受理',
  dispatched: '已分派',
  in_progress: '办理中',
  replied: '已答复',
  closed: '已办结',
  not_accepted: '不予受理',
  withdrawn: '已撤回',
  coordinating: '协调中',
  extension_pending: '延期审批中',
  reply_review: '答复审核中',
  dissatisfaction_review: '不满意核实中',
  terminated: '终结办理',
}

export const open311StatusOf = (status: TicketStatus): 'open' | 'closed' =>
  TERMINAL_STATUSES.includes(status) ? 'closed' : 'open'

/** The ticket statuses an Open311 status stands for. */
export const ticketStatusesOf = (status: 'open' | 'closed'): TicketStatus[] =>
  (Object.keys(STATUS_LABELS) as TicketStatus[]).filter((s) => open311StatusOf(s) === status)

export type RequestParts = { latestNote: string | null; leadUnitName: string | null }

const iso = (instant: string) => toChinaIso(new Date(instant))

export function toOpen311Request(row: TicketRow, parts: RequestParts): Open311Request {
  const due = storedDue(row)
  return {
    service_request_id: row.number,
    status: open311StatusOf(row.status),
    status_notes: parts.latestNote,
    service_name: serviceNameOf(row.category),
    service_code: row.category,
    description: row.description,
    agency_responsible: parts.leadUnitName,
    service_notice: `${STATUS_LABELS[row.status]} (${row.status})`,
    requested_datetime: iso(row.created_at),
    updated_datetime: iso(row.updated_at),
    expected_datetime: due && toChinaIso(due.at),
    address: divisionAddress(row.division_code),
    address_id: row.division_code,
  }
}
