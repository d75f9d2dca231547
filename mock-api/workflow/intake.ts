/**
 * Assisted intake (issue 16): a desk, a window clerk or a county workstation registers a report
 * taken by phone, at a window or handed down, with exactly the rules of an owner's report: the
 * client's id is the ticket's key, the same id and body again is the same ticket, another body (or
 * another registrar) is a 409, the credit code is checked, and jurisdiction decides the desk. The
 * ticket gets an owner of its own with no device until a phone claims it with the receipt.
 * Every refusal is thrown before anything is written.
 */
import { randomUUID } from 'node:crypto'
import type { IntakeChannel, IntakeInput, StaffRole } from '../contract.js'
import { receivingDesk } from '../domain/jurisdiction.js'
import { noticeFor } from '../domain/notification-texts.js'
import { findServicePoint } from '../storage/service-points.js'
import type { TicketRow } from '../storage/tickets.js'
import { newTicketRow, oncePerReport, reportConflict, reportedBusiness } from './new-ticket.js'
import type { SubmissionDeps } from './report-submission.js'
import type { StaffMember } from './staff-scope.js'
import { enqueueNotification } from './notifications.js'
import { submitTicket } from './ticket-workflow.js'
import { Refused, refused } from './refused.js'

/** The app's claim screen, filled in: what the receipt's SMS link and QR open. */
export const claimPathOf = (number: string, code: string): string =>
  `/claim?number=${encodeURIComponent(number)}&code=${encodeURIComponent(code)}`

export type Intake = { isNew: boolean; ticket: TicketRow }

/** Who may register what (DOMAIN.md "channels"). */
const CHANNELS_BY_ROLE: Partial<Record<StaffRole, readonly IntakeChannel[]>> = {
  desk: ['phone', 'handed_down'],
  window: ['window'],
  workstation: ['phone', 'window'],
}

const channelNotAllowed = () => refused('channel_not_allowed', 'channel')

const outsideCounty = () => refused('outside_division', 'divisionCode')

const pointRetired = () => new Refused('service_point_retired')

type Placement = { desk: string; servicePointId: string | null }

/** Where the report goes: a window's to its point's desk, a workstation's to its county's. */
async function placementOf(
  deps: SubmissionDeps,
  staff: StaffMember,
  input: IntakeInput,
): Promise<Placement> {
  if (staff.role === 'window') {
    const point = staff.servicePointId
      ? await findServicePoint(deps.db, staff.servicePointId)
      : null
    if (!point || point.retired_at !== null) throw pointRetired()
    return { desk: point.desk_division_code, servicePointId: point.id }
  }
  if (staff.role === 'workstation') {
    if (staff.divisionCode === null || input.divisionCode !== staff.divisionCode) {
      throw outsideCounty()
    }
    return { desk: receivingDesk(staff.divisionCode), servicePointId: null }
  }
  return { desk: receivingDesk(input.divisionCode), servicePointId: null }
}

function earlierIntake(existing: TicketRow, staff: StaffMember, requestHash: string): Intake {
  if (existing.registered_by !== staff.id || existing.request_hash !== requestHash) {
    throw reportConflict()
  }
  return { isNew: false, ticket: existing }
}

export async function registerIntake(
  deps: SubmissionDeps,
  staff: StaffMember,
  input: IntakeInput,
): Promise<Intake> {
  const earlier = (existing: TicketRow, hash: string) => earlierIntake(existing, staff, hash)
  return oncePerReport(deps.db, input, earlier, async (requestHash) => {
    if (!(CHANNELS_BY_ROLE[staff.role] ?? []).includes(input.channel)) throw channelNotAllowed()
    const placement = await placementOf(deps, staff, input)
    const reported = await reportedBusiness(deps, input)
    const { now } = deps.context
    return deps.write(async (trx) => {
      // The report's owner until a phone claims it: nobody's device, nobody else's tickets.
      const ownerId = randomUUID()
      await trx
        .insertInto('owners')
        .values({ id: ownerId, created_at: now.toISOString() })
        .execute()
      const row = await newTicketRow(
        trx,
        now,
        { input, requestHash, reported },
        {
          channel: input.channel,
          ownerId,
          deviceId: null,
          businessId: null,
          servicePointId: placement.servicePointId,
          registeredBy: staff.id,
          handedDown: input.handedDown ?? null,
        },
      )
      const ticket = await submitTicket(trx, deps.context, row, placement.desk, {
        role: staff.role,
        id: staff.id,
      })
      // The receipt by SMS, on the same transaction: sent once, and never for a rolled-back intake.
      await enqueueNotification(
        trx,
        {
          dedupeKey: `receipt:${ticket.id}`,
          notice: noticeFor('receipt', {
            number: ticket.number,
            status: ticket.status,
            confidential: false,
            code: ticket.verification_code,
          }),
          ticketId: ticket.id,
          number: ticket.number,
          status: ticket.status,
          path: claimPathOf(ticket.number, ticket.verification_code),
        },
        { phone: ticket.contact_phone },
        now,
      )
      return { isNew: true, ticket }
    })
  })
}
